using FlightRec.Runtime.Context;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// <c>timer.profile.tick</c> (and the tapset's <c>timer.profile</c> over it): a cpu-clock perf
/// sample on every CPU once per kernel tick (1/HZ s of CPU time), handled as a hit of the
/// interrupted task — its pid, tid and CPU, as in stap's profiling timer (LANGUAGE.md §8.3).
/// </summary>
public sealed class ProfileTimerProvider(long hz) : IStreamProvider
{
    private const string Point = "timer.profile.tick";

    public ProfileTimerProvider()
        : this(SystemScriptClock.Default.Hz)
    {
    }

    public bool Recognizes(string point) => point == Point;

    public IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes)
    {
        ulong period = (ulong)(1_000_000_000 / Math.Max(1, hz));
        var specs = probes.Select(p => PerfEventSpec.Software(p.Point, PerfSoftwareCounter.CpuClock, PerfSampling.Period(period))).ToList();
        PerfEventSet events;
        try
        {
            events = PerfEventSet.Open(specs, new PerfEventSetOptions { RingDataPages = 64 });
        }
        catch (PerfEventException e)
        {
            throw new ProbePointException(probes[0].Point, e.Message);
        }

        return PerfStreams.For(events, probes, new TracepointEventLayout?[probes.Count]);
    }
}
