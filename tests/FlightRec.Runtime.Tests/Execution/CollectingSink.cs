using System.Text;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Execution;

/// <summary>Collects committed output; each commit is one handler's contiguous output.</summary>
internal sealed class CollectingSink : IOutputSink
{
    private readonly List<byte> _bytes = [];

    public int Commits { get; private set; }

    public void Commit(ReadOnlySpan<byte> output)
    {
        lock (_bytes)
        {
            _bytes.AddRange(output.ToArray());
            Commits++;
        }
    }

    public string Text
    {
        get
        {
            lock (_bytes)
            {
                return Encoding.Latin1.GetString([.. _bytes]);
            }
        }
    }
}
