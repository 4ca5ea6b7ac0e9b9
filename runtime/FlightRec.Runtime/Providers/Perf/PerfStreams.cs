using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>The per-CPU streams over an opened <see cref="PerfEventSet"/>, one per ring, sharing the events' life.</summary>
internal static class PerfStreams
{
    /// <param name="probes">The probe of each spec of <paramref name="events"/>, by index.</param>
    public static IReadOnlyList<IEventStream> For(PerfEventSet events, IReadOnlyList<ProbeDescriptor> probes, TracepointEventLayout?[] layouts)
    {
        var owner = new PerfStreamOwner(events);
        return events.Rings.Select(ring => (IEventStream)new PerfStream(ring, owner, probes, layouts)).ToList();
    }
}
