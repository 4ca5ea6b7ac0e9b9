using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// <c>kernel.trace("SUBSYSTEM:EVENT")</c> through perf_event_open: every tracepoint probe of the
/// module is opened on every online CPU, all sharing one perf ring per CPU, each ring served by
/// that CPU's dispatch thread. Field layouts come from this kernel's format files when the probes
/// are armed, so a module reads records with the offsets of the kernel it runs on.
/// </summary>
public sealed class TracepointProvider(Func<TracefsCatalogue> catalogue) : IStreamProvider
{
    private const string Prefix = "kernel.trace(\"";
    private const string Suffix = "\")";

    /// <summary>Per-CPU ring: 2 MiB of data pages, woken every quarter ring or by the dispatch thread's poll.</summary>
    public const int RingDataPages = 512;

    public TracepointProvider()
        : this(TracefsCatalogue.Open)
    {
    }

    public bool Recognizes(string point) =>
        point.StartsWith(Prefix, StringComparison.Ordinal) && point.EndsWith(Suffix, StringComparison.Ordinal);

    public IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes)
    {
        var tracefs = catalogue();
        if (!tracefs.IsAvailable)
        {
            throw new ProbePointException(probes[0].Point, $"kernel.trace probes are not available: {tracefs.UnavailableReason}");
        }

        var specs = new List<PerfEventSpec>(probes.Count);
        var layouts = new TracepointEventLayout?[probes.Count];
        for (int i = 0; i < probes.Count; i++)
        {
            string name = probes[i].Point[Prefix.Length..^Suffix.Length];
            TracepointFormat format;
            try
            {
                format = tracefs.Format(name);
            }
            catch (TracefsException e)
            {
                throw new ProbePointException(probes[i].Point, e.Message);
            }

            specs.Add(PerfEventSpec.Tracepoint(name, (ulong)format.Id));
            layouts[i] = new TracepointEventLayout(format, probes[i].TargetFields);
        }

        PerfEventSet events;
        try
        {
            events = PerfEventSet.Open(specs, new PerfEventSetOptions { RingDataPages = RingDataPages });
        }
        catch (PerfEventException e)
        {
            throw new ProbePointException(probes[0].Point, e.Message);
        }

        return PerfStreams.For(events, probes, layouts);
    }
}
