using System.Text;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Formatting;

/// <summary>A sink that keeps every committed chunk, to check both content and flush boundaries.</summary>
internal sealed class CapturedOutput : IOutputSink
{
    public List<byte[]> Commits { get; } = [];

    public byte[] Bytes => [.. Commits.SelectMany(c => c)];

    public string Text => Encoding.Latin1.GetString(Bytes);

    public void Commit(ReadOnlySpan<byte> output) => Commits.Add(output.ToArray());
}
