using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers.Perf;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// <c>process.begin/end</c>, <c>process("PATH").begin/end</c> and <c>process(PID).begin/end</c>
/// (LANGUAGE.md §8.3), and FlightRec's <c>.exec</c> of each, from three scheduler tracepoints
/// through perf, one ring per CPU: task:task_newtask (a fork that is not a thread), sched:sched_process_exec and
/// sched:sched_process_exit (group_dead: the whole process died). Which probes an event fires is
/// the <see cref="ProcessTracker"/>'s decision, shared by all CPUs; the startup begins come from a
/// /proc scan just after the events are enabled (a process seen both ways is reported once).
/// </summary>
public sealed class ProcessProvider(Func<TracefsCatalogue> catalogue, Func<IReadOnlyList<RunningProcess>> scan) : IStreamProvider
{
    /// <summary>Per-CPU ring: 256 KiB; process events are small and rare next to syscalls.</summary>
    public const int RingDataPages = 64;

    public ProcessProvider()
        : this(TracefsCatalogue.Open, () => RunningProcesses.Scan())
    {
    }

    public bool Recognizes(string point)
    {
        if (!ProcessProbePoint.IsProcessLifecyclePoint(point))
        {
            return false;
        }

        return ProcessProbePoint.Parse(point) is not null
            ? true
            : throw new ProbePointException(point, "not a process begin/end/exec point (process.begin, process(\"PATH\").begin or process(PID).begin)");
    }

    public IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes)
    {
        var tracefs = catalogue();
        if (!tracefs.IsAvailable)
        {
            throw new ProbePointException(probes[0].Point, $"process probes are not available: {tracefs.UnavailableReason}");
        }

        ProcessEventFormats formats;
        try
        {
            formats = ProcessEventFormats.From(tracefs);
        }
        catch (TracefsException e)
        {
            throw new ProbePointException(probes[0].Point, e.Message);
        }

        PerfEventSet events;
        try
        {
            events = PerfEventSet.Open(ProcessEventDecoder.Specs(formats), new PerfEventSetOptions { RingDataPages = RingDataPages });
        }
        catch (PerfEventException e)
        {
            throw new ProbePointException(probes[0].Point, e.Message);
        }

        var tracker = new ProcessTracker([.. probes.Select(p => ProcessProbePoint.Parse(p.Point)!)]);
        var shared = new ProcessStreamShared(new PerfStreamOwner(events), tracker, scan, events.Rings.Count);
        var streams = new List<IEventStream>();
        try
        {
            foreach (var ring in events.Rings)
            {
                streams.Add(new ProcessStream(ring, shared, formats, probes));
            }

            return streams;
        }
        catch
        {
            // The events would close with the last of all the streams, some of which never existed.
            foreach (var stream in streams)
            {
                stream.Dispose();
            }

            events.Dispose();

            throw;
        }
    }
}
