using FlightRec.Runtime.Context;
using FlightRec.Runtime.Formatting;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// What a kernel-event stream overwrites in its dispatch thread's context for each event (task,
/// its uid and gid, CPU, time, clock, user memory, record, and the source ppid()/euid()… read the event's task from). The thread's timers share that context and must find
/// the host's identity again, so a stream takes a snapshot before a drain and restores it after.
/// </summary>
internal readonly struct HostIdentitySnapshot
{
    private readonly long _pid;
    private readonly long _tid;
    private readonly long _cpu;
    private readonly long _uid;
    private readonly long _gid;
    private readonly string _execName;
    private readonly long _timestamp;
    private readonly IScriptClock _clock;
    private readonly IMemoryReader? _userMemory;

    // One cache of event tasks' identities per dispatch thread (each thread has its own context).
    [ThreadStatic]
    private static ProcStatusTaskIdentity? _threadEventTasks;

    private HostIdentitySnapshot(ProbeContext probe)
    {
        (_pid, _tid, _cpu, _uid, _gid, _execName, _timestamp, _clock, _userMemory) =
            (probe.Pid, probe.Tid, probe.Cpu, probe.Uid, probe.Gid, probe.ExecName, probe.TimestampNanoseconds, probe.Clock, probe.UserMemory);
    }

    /// <summary>
    /// Saves <paramref name="probe"/>'s identity and installs <paramref name="eventClock"/> (made on first
    /// use over the host's clock, synchronised once per batch) so handlers read the events' time.
    /// </summary>
    public static HostIdentitySnapshot Take(ProbeContext probe, ref EventClock? eventClock)
    {
        var snapshot = new HostIdentitySnapshot(probe);
        eventClock ??= new EventClock(probe.Clock);
        eventClock.Synchronize();
        probe.Clock = eventClock;
        probe.EventTask = _threadEventTasks ??= new ProcStatusTaskIdentity();
        return snapshot;
    }

    public void Restore(ProbeContext probe)
    {
        (probe.Pid, probe.Tid, probe.Cpu, probe.Uid, probe.Gid, probe.ExecName, probe.TimestampNanoseconds, probe.Clock, probe.UserMemory) =
            (_pid, _tid, _cpu, _uid, _gid, _execName, _timestamp, _clock, _userMemory);
        probe.Event = null;
        probe.EventTask = null;
        probe.EventIdsCaptured = false;
    }
}
