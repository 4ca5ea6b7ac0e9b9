using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// <c>kernel.trace("SUBSYSTEM:EVENT")</c> through perf_event_open: every tracepoint probe of the
/// module is opened on every online CPU, all sharing one perf ring per CPU, each ring served by
/// that CPU's dispatch thread. Field layouts come from this kernel's format files when the probes
/// are armed, so a module reads records with the offsets of the kernel it runs on. Probes are
/// captured by eBPF where possible, so the strings, the comm and the task are those of the moment
/// of the event (<see cref="BpfTracepointStream"/>); perf serves the rest.
/// </summary>
public sealed class TracepointProvider(Func<TracefsCatalogue> catalogue) : IStreamProvider
{
    private const string Prefix = "kernel.trace(\"";
    private const string Suffix = "\")";

    /// <summary>Per-CPU ring: 2 MiB of data pages, woken every quarter ring or by the dispatch thread's poll.</summary>
    public const int RingDataPages = 512;

    /// <summary>The one BPF ring of captured events (records carry their strings: larger than perf's).</summary>
    public const int CaptureRingBytes = 8 << 20;

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

        var formats = probes.Select(p => FormatOf(tracefs, p)).ToList();
        // eBPF capture by default: the comm (execname()) and the strings are those of the moment of
        // the event, which perf samples cannot give for a process that has exited since, and it costs
        // less per event (docs/performance.md). Only probes reading a flexible array go through perf
        // (the capture cannot tell where a record ends; __data_loc words say where their data
        // ends), and all of them when eBPF is unavailable and no probe needs a user string.
        bool needStrings = Enumerable.Range(0, probes.Count).Any(i => UserStringFields(formats[i], probes[i]).Any());
        var captured = needStrings || BpfAvailable()
            ? Enumerable.Range(0, probes.Count).Where(i => !UsesFlexibleArray(formats[i], probes[i])).ToList()
            : [];
        var streams = new List<IEventStream>();
        try
        {
            var perf = Enumerable.Range(0, probes.Count).Except(captured).ToList();
            if (perf.Count > 0)
            {
                streams.AddRange(OpenPerf([.. perf.Select(i => probes[i])], [.. perf.Select(i => formats[i])]));
            }

            if (captured.Count > 0)
            {
                streams.Add(OpenCapture(tracefs, [.. captured.Select(i => probes[i])], [.. captured.Select(i => formats[i])]));
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

    /// <summary>
    /// The fields whose strings must be read at event time: <c>char *</c> pointers the handler uses
    /// (a syscall's filename). Reading them after the fact would race with the process.
    /// </summary>
    public static IEnumerable<string> UserStringFields(TracepointFormat format, ProbeDescriptor probe) =>
        probe.TargetFields.Where(name => format.Field(name) is { IsInteger: true, Size: 8 } field
            && field.CType.Contains("char", StringComparison.Ordinal) && field.CType.Contains('*', StringComparison.Ordinal));

    // Whether this process may create BPF maps (root or CAP_BPF on a kernel with BPF ring buffers).
    private static bool BpfAvailable()
    {
        try
        {
            BpfCaptureChannel.Create(Environment.SystemPageSize).Dispose();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    // The handler's own first test, applied in the capture program so rejected events never leave the kernel.
    private static BpfCaptureFilter? KernelFilter(ProbeDescriptor probe, TracepointFormat format)
    {
        if (probe.EventFilter is not { } filter)
        {
            return null;
        }

        var comparison = filter.Equal ? BpfComparison.Equal : BpfComparison.NotEqual;
        return filter.Subject switch
        {
            ProbeFilterSubject.ProcessId => BpfCaptureFilter.ProcessId(comparison, (int)filter.Number),
            ProbeFilterSubject.ThreadId => BpfCaptureFilter.ThreadId(comparison, (int)filter.Number),
            ProbeFilterSubject.ExecName => BpfCaptureFilter.CommName(comparison, filter.Text),
            ProbeFilterSubject.Field => FieldFilter(format, filter, comparison),
            _ => null,
        };
    }

    // An integer field BPF can read (past the first 8 bytes, aligned); anything else stays the handler's test.
    private static BpfCaptureFilter? FieldFilter(TracepointFormat format, ProbeEventFilter filter, BpfComparison comparison) =>
        format.Field(filter.Text) is { IsInteger: true } field
            && field.Offset >= TracepointCaptureLayout.UnreadableRecordPrefix && field.Offset % field.Size == 0
            ? BpfCaptureFilter.IntegerField(field, comparison, filter.Number)
            : null;

    private static bool UsesFlexibleArray(TracepointFormat format, ProbeDescriptor probe) =>
        probe.TargetFields.Any(name => format.Field(name) is { IsFlexibleArray: true });

    private static TracepointFormat FormatOf(TracefsCatalogue tracefs, ProbeDescriptor probe)
    {
        try
        {
            return tracefs.Format(probe.Point[Prefix.Length..^Suffix.Length]);
        }
        catch (TracefsException e)
        {
            throw new ProbePointException(probe.Point, e.Message);
        }
    }

    private static IReadOnlyList<IEventStream> OpenPerf(IReadOnlyList<ProbeDescriptor> probes, IReadOnlyList<TracepointFormat> formats)
    {
        var specs = formats.Select(f => PerfEventSpec.Tracepoint(f.FullName, (ulong)f.Id)).ToList();
        var layouts = probes.Select((p, i) => (TracepointEventLayout?)new TracepointEventLayout(formats[i], p.TargetFields)).ToArray();
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

    /// <summary>
    /// For <c>syscalls:sys_enter_X</c>, the tracefs id of <c>syscalls:sys_exit_X</c>: where a capture
    /// whose string page was not mapped yet at entry is completed (the syscall has faulted it in).
    /// </summary>
    public static int? SyscallExitId(TracefsCatalogue tracefs, TracepointFormat entry)
    {
        const string EntryPrefix = "syscalls:sys_enter_";
        if (!entry.FullName.StartsWith(EntryPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string exit = "syscalls:sys_exit_" + entry.FullName[EntryPrefix.Length..];
        return tracefs.Contains(exit) ? tracefs.Format(exit).Id : null;
    }

    private static IEventStream OpenCapture(TracefsCatalogue tracefs, IReadOnlyList<ProbeDescriptor> probes, IReadOnlyList<TracepointFormat> formats)
    {
        BpfCaptureChannel channel;
        try
        {
            channel = BpfCaptureChannel.Create(CaptureRingBytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ProbePointException(probes[0].Point, $"capturing user strings needs eBPF, which is not available: {e.Message}");
        }

        var specs = probes.Select((p, i) => TracepointCaptureSpec.ForFormat(formats[i], i, UserStringFields(formats[i], p), filter: KernelFilter(p, formats[i]))).ToArray();
        var layouts = probes.Select((p, i) => new TracepointEventLayout(formats[i], p.TargetFields)).ToArray();
        var groups = SyscallGrouping.Plan(
            formats, specs, RawFormat(tracefs, SyscallGrouping.RawEnter), RawFormat(tracefs, SyscallGrouping.RawExit), SyscallNumbers.Current);
        return new BpfTracepointStream(
            channel, probes, layouts, specs, [.. formats.Select(f => f.Id)], [.. formats.Select(f => SyscallExitId(tracefs, f))], groups);
    }

    /// <summary>The format of a raw_syscalls tracepoint, or null when this kernel has none (then no syscall is grouped).</summary>
    private static TracepointFormat? RawFormat(TracefsCatalogue tracefs, string name)
    {
        try
        {
            return tracefs.Contains(name) ? tracefs.Format(name) : null;
        }
        catch (TracefsException)
        {
            return null;
        }
    }
}
