using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>The per-CPU streams over an opened <see cref="PerfEventSet"/>, one per ring, sharing the events' life.</summary>
internal static class PerfStreams
{
    /// <param name="probes">The probe of each spec of <paramref name="events"/>, by index.</param>
    /// <param name="executables">Per probe, the executable whose samples it takes (null: any); a matcher is per stream, as streams run on their own threads.</param>
    public static IReadOnlyList<IEventStream> For(PerfEventSet events, IReadOnlyList<ProbeDescriptor> probes, TracepointEventLayout?[] layouts,
        IReadOnlyList<string?>? executables = null)
    {
        var owner = new PerfStreamOwner(events);
        return events.Rings.Select(ring => (IEventStream)new PerfStream(ring, owner, probes, layouts,
            executables?.Select(path => path is null ? null : new ExecutableMatcher(path)).ToArray())).ToList();
    }
}
