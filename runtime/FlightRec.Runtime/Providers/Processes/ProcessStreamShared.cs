using System.Diagnostics;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// What the per-CPU process streams share: the perf events, the tracker, and the startup: once the
/// events are enabled an eventfd in every stream's descriptor wakes the dispatch threads, and the
/// first to drain scans /proc and reports the startup begins (the target is known only to the
/// dispatch threads' contexts, so the scan cannot be done by whoever arms).
/// </summary>
internal sealed class ProcessStreamShared(PerfStreamOwner events, ProcessTracker tracker, Func<IReadOnlyList<RunningProcess>> scan, int streams)
{
    private readonly Lock _gate = new();
    private int _references = streams;
    private volatile bool _armed;

    public ProcessTracker Tracker { get; } = tracker;

    /// <summary>Readable from arming until the startup scan is done.</summary>
    public int StartupSignal { get; } = EventFd.Create();

    public void Arm()
    {
        events.Arm();
        lock (_gate)
        {
            if (!_armed)
            {
                _armed = true;
                EventFd.Signal(StartupSignal);
            }
        }
    }

    public void Disarm() => events.Disarm();

    /// <summary>Scans and reports the startup begins if nobody has yet (and the probes were armed: a session that ended in begin reports nothing).</summary>
    public void EnsureStarted(int target, int cpu, IProcessHitSink sink)
    {
        if (Tracker.Started || !_armed)
        {
            return;
        }

        lock (_gate)
        {
            if (!Tracker.Started)
            {
                var running = scan();
                Tracker.Start(target, running, Stopwatch.GetTimestamp(), cpu, sink);
                EventFd.Drain(StartupSignal);
            }
        }
    }

    public void Release()
    {
        events.Release();
        lock (_gate)
        {
            if (--_references == 0)
            {
                FileDescriptors.Close(StartupSignal);
            }
        }
    }
}
