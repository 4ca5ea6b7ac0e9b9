using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// <c>perf.type(T).config(C).sample(N)</c> / <c>.hz(F)</c> (and the tapset's perf.sw.*, perf.hw.*,
/// perf.hw_cache.* over them): a sampling perf event with exactly that type, config and period or
/// frequency, handled as a hit of the interrupted task (LANGUAGE.md §8.3). System-wide points share
/// one event set over every CPU; <c>.process</c> points follow the target (-c/-x) and the tasks it
/// creates (inherit) on every CPU. <c>.process("PATH")</c> samples system-wide and keeps the samples
/// of tasks running PATH — FR deviation: stap counts per matching task, so with a period above 1 the
/// events of other tasks on the CPU also advance the count. An event the machine cannot open (no PMU
/// for perf.hw.*) fails the start with stap's registration error.
/// </summary>
public sealed class PerfCounterProvider : IStreamProvider
{
    /// <summary>Per-CPU ring: 256 KiB, as timer.profile.</summary>
    public const int RingDataPages = 64;

    public bool Recognizes(string point)
    {
        if (!PerfProbePoint.IsPerfPoint(point))
        {
            return false;
        }

        return PerfProbePoint.Parse(point) is not null
            ? true
            : throw new ProbePointException(point, "not a perf point (perf.type(T).config(C).sample(N) or .hz(F), then optionally .process or .process(\"PATH\"))");
    }

    public IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes) => Create(probes, 0);

    public IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes, int targetPid)
    {
        var points = probes.Select(p => PerfProbePoint.Parse(p.Point)!).ToList();
        var systemWide = probes.Where((_, i) => points[i].Scope != PerfProcessScope.Target).ToList();
        var ofTarget = probes.Where((_, i) => points[i].Scope == PerfProcessScope.Target).ToList();
        var streams = new List<IEventStream>();
        try
        {
            if (systemWide.Count > 0)
            {
                streams.AddRange(Open(systemWide, task: null));
            }

            if (ofTarget.Count > 0)
            {
                if (targetPid <= 0)
                {
                    // stap refuses this at pass 2; FR learns the target only when the module runs.
                    throw new ProbePointException(ofTarget[0].Point, "unspecified process probe is invalid without a -c COMMAND or -x PID [man stapprobes]");
                }

                streams.AddRange(Open(ofTarget, targetPid));
            }

            return streams;
        }
        catch
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    private static IReadOnlyList<IEventStream> Open(IReadOnlyList<ProbeDescriptor> probes, int? task)
    {
        var points = probes.Select(p => PerfProbePoint.Parse(p.Point)!).ToList();
        var specs = probes.Select((p, i) => new PerfEventSpec(p.Point, points[i].Type, points[i].Config, points[i].Sampling)).ToList();
        PerfEventSet events;
        try
        {
            events = PerfEventSet.Open(specs, new PerfEventSetOptions { RingDataPages = RingDataPages, TaskId = task, Inherit = task is not null });
        }
        catch (PerfEventException e)
        {
            throw new ProbeRegistrationException(e.EventName ?? probes[0].Point, e.Errno, e.Message, e);
        }

        return PerfStreams.For(events, probes, new TracepointEventLayout?[probes.Count], [.. points.Select(p => p.Path)]);
    }
}
