using FlightRec.Runtime.Context;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// One CPU's ring of process events. Its descriptor is an epoll set of the ring and the shared
/// startup signal, so the dispatch thread also wakes to report the startup begins. A hit runs
/// its probe with the process's pid, tid and comm and the CPU and time of the event; an exec
/// probe's hit also with the sched:sched_process_exec record, for <c>$filename</c>.
/// </summary>
internal sealed class ProcessStream : IEventStream, IProcessHitSink
{
    private const ulong RingToken = 0;
    private const ulong StartupToken = 1;

    private readonly PerfCpuRing _ring;
    private readonly ProcessStreamShared _shared;
    private readonly ProcessEventDecoder _decoder;
    private readonly IReadOnlyList<ProbeDescriptor> _probes;
    private readonly TracepointEventLayout?[] _execLayouts;
    private readonly TracepointEvent _execEvent = new();
    private readonly int _epoll;
    private IEventDispatch? _dispatch;
    private EventClock? _clock;

    public ProcessStream(PerfCpuRing ring, ProcessStreamShared shared, ProcessEventFormats formats, IReadOnlyList<ProbeDescriptor> probes)
    {
        _ring = ring;
        _shared = shared;
        _probes = probes;
        _execLayouts = [.. probes.Select(p => ProcessProbePoint.Parse(p.Point)?.Event == ProcessProbeEvent.Exec
            ? new TracepointEventLayout(formats.Exec, p.TargetFields)
            : null)];
        _decoder = new ProcessEventDecoder(formats, shared.Tracker) { Sink = this };
        _epoll = Epoll.Create();
        Epoll.Add(_epoll, ring.FileDescriptor, Epoll.EPOLLIN, RingToken);
        Epoll.Add(_epoll, shared.StartupSignal, Epoll.EPOLLIN, StartupToken);
    }

    public int Cpu => _ring.Cpu;

    public int FileDescriptor => _epoll;

    public long Lost => Interlocked.Read(ref _lost);

    private long _lost;

    public void Arm() => _shared.Arm();

    public void Disarm() => _shared.Disarm();

    public void Drain(IEventDispatch dispatch)
    {
        var probe = dispatch.Context.Probe;
        var saved = HostIdentitySnapshot.Take(probe, ref _clock);
        _dispatch = dispatch;
        try
        {
            _shared.EnsureStarted((int)probe.TargetPid, Cpu, this);
            long before = _decoder.Lost;
            _ring.Drain(_decoder);
            Interlocked.Add(ref _lost, _decoder.Lost - before);
        }
        finally
        {
            _dispatch = null;
            saved.Restore(probe);
        }
    }

    public void Fire(int probe, in ProcessHit hit) => Run(probe, hit, null);

    public void FireExec(int probe, in ProcessHit hit, ReadOnlySpan<byte> record)
    {
        if ((uint)probe < (uint)_execLayouts.Length && _execLayouts[probe] is { } layout && !record.IsEmpty)
        {
            _execEvent.Load(record, layout);
            Run(probe, hit, _execEvent);
        }
        else
        {
            Run(probe, hit, null);
        }
    }

    private void Run(int probe, in ProcessHit hit, TracepointEvent? record)
    {
        if (_dispatch is not { } dispatch || (uint)probe >= (uint)_probes.Count)
        {
            return;
        }

        var context = dispatch.Context.Probe;
        context.Pid = hit.Pid;
        context.Tid = hit.Tid;
        context.Cpu = hit.Cpu;
        context.TimestampNanoseconds = hit.TimeNanoseconds;
        _clock!.EventNanoseconds = hit.TimeNanoseconds;
        context.ExecName = hit.Comm.ToString();
        context.Event = record;
        context.UserMemory = null;
        dispatch.Fire(_probes[probe]);
    }

    public void Dispose()
    {
        FileDescriptors.Close(_epoll);
        _shared.Release();
    }
}
