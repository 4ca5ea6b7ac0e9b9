using System.Text;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Tests.Statistics;

/// <summary>Records what a handler's output buffer commits, one entry per flush.</summary>
internal sealed class CollectingSink : IOutputSink
{
    public List<string> Commits { get; } = [];

    public string Text => string.Concat(Commits);

    public void Commit(ReadOnlySpan<byte> output) => Commits.Add(Encoding.Latin1.GetString(output));
}
