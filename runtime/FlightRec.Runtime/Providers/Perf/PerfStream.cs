using FlightRec.Runtime.Context;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// One CPU's perf ring: each sample becomes a hit of its probe, with the task, CPU and time of
/// the event (not of its handling) and, for tracepoints, its raw record in the context.
/// </summary>
internal sealed class PerfStream : IEventStream, IPerfSampleSink
{
    private readonly PerfCpuRing _ring;
    private readonly PerfStreamOwner _owner;
    private readonly IReadOnlyList<ProbeDescriptor> _probes;
    private readonly TracepointEventLayout?[] _layouts;
    private readonly TracepointEvent _event = new();
    private readonly TaskNames _names = new();
    private IEventDispatch? _dispatch;
    private EventClock? _clock;
    private long _lost;
    private long _delivered;
    private readonly int _ringIndex;
    private readonly bool _countsEveryEvent;
    private readonly ExecutableMatcher?[]? _executables;

    /// <param name="layouts">Per probe, how to read its records; null entries for samples without one (timers, counters).</param>
    /// <param name="executables">Per probe, the executable its samples must come from (perf .process("PATH")); null: any. Null array: none.</param>
    public PerfStream(PerfCpuRing ring, PerfStreamOwner owner, IReadOnlyList<ProbeDescriptor> probes, TracepointEventLayout?[] layouts,
        ExecutableMatcher?[]? executables = null)
    {
        _executables = executables;
        _ring = ring;
        _owner = owner;
        _ringIndex = owner.Events.Rings.ToList().IndexOf(ring);
        _countsEveryEvent = owner.Events.Specs.All(s => s.Type == Linux.PerfEventType.Tracepoint);
        _probes = probes;
        _layouts = layouts;
    }

    public int Cpu => _ring.Cpu;

    public int FileDescriptor => _ring.FileDescriptor;

    /// <summary>
    /// While running: what PERF_RECORD_LOST notices said. Once disarmed, for events that sample every
    /// occurrence: the kernel's count of occurrences minus the samples read — exact, including the
    /// losses the kernel had not reported yet.
    /// </summary>
    public long Lost
    {
        get
        {
            long noticed = Interlocked.Read(ref _lost);
            if (!_countsEveryEvent || !_owner.Disarmed)
            {
                return noticed;
            }

            long counted = (long)_owner.Events.EventCount(_ringIndex) - _delivered;
            return Math.Max(noticed, counted);
        }
    }

    public void Arm() => _owner.Arm();

    public void Disarm() => _owner.Disarm();

    public void Drain(IEventDispatch dispatch)
    {
        var probe = dispatch.Context.Probe;
        var saved = HostIdentitySnapshot.Take(probe, ref _clock);
        _dispatch = dispatch;
        try
        {
            _ring.Drain(this);
        }
        finally
        {
            _dispatch = null;
            saved.Restore(probe);
        }
    }

    public void OnSample(in PerfSample sample)
    {
        _delivered++;
        if ((uint)sample.EventIndex >= (uint)_probes.Count || _dispatch is not { } dispatch)
        {
            return;
        }

        if (_executables?[sample.EventIndex] is { } executable && !executable.Matches(sample.Pid))
        {
            return;
        }

        var probe = dispatch.Context.Probe;
        if (_layouts[sample.EventIndex] is { } layout)
        {
            _event.Load(sample.Raw, layout);
            probe.Event = _event;
        }

        probe.Pid = sample.Pid;
        probe.Tid = sample.Tid;
        probe.Cpu = sample.Cpu;
        probe.TimestampNanoseconds = sample.TimeNanoseconds;
        _clock!.EventNanoseconds = sample.TimeNanoseconds;
        probe.ExecName = _names.Of(sample.Pid, sample.Tid);
        probe.UserMemory = null;
        dispatch.Fire(_probes[sample.EventIndex]);
    }

    public void OnLost(ulong id, ulong lost) => Interlocked.Add(ref _lost, (long)lost);

    public void Dispose() => _owner.Release();
}
