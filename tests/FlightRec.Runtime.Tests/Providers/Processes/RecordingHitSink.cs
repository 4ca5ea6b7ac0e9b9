using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Tests.Providers.Processes;

/// <summary>Keeps every hit as "POINT PID TID COMM CPU TIME", in order; an exec hit's record, read as text, follows.</summary>
internal sealed class RecordingHitSink(IReadOnlyList<ProcessProbePoint> probes) : IProcessHitSink
{
    public List<string> Hits { get; } = [];

    public void Fire(int probe, in ProcessHit hit) =>
        Hits.Add($"{probes[probe]} {hit.Pid} {hit.Tid} {hit.Comm} {hit.Cpu} {hit.TimeNanoseconds}");

    public void FireExec(int probe, in ProcessHit hit, ReadOnlySpan<byte> record)
    {
        Fire(probe, hit);
        if (!record.IsEmpty)
        {
            Hits[^1] += " " + System.Text.Encoding.UTF8.GetString(record);
        }
    }
}
