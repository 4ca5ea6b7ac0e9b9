using System.Text;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Transport;

/// <summary>Collects what a consumer would print: script output (stdout) and message lines (stderr).</summary>
internal sealed class CollectingRecordSink : IRecordSink
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public List<(int Cpu, long Timestamp, string Text)> Records { get; } = [];

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    public void Data(int cpu, long timestamp, ReadOnlySpan<byte> payload)
    {
        string text = Encoding.Latin1.GetString(payload);
        Records.Add((cpu, timestamp, text));
        _stdout.Append(text);
    }

    public void Message(long timestamp, ReadOnlySpan<byte> line) => _stderr.Append(Encoding.UTF8.GetString(line));
}
