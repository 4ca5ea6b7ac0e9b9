using FlightRec.Runtime.Context;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Host;

/// <summary>
/// The task a handler reports when its event has none. stap's timer probes report whatever
/// task the timer interrupt happened to interrupt; our timers fire on the host's own dispatch
/// threads, so pid(), tid(), execname() … name the host (tid: the dispatch thread). Probes of
/// real events (syscalls, uprobes) overwrite these per hit.
/// </summary>
internal static class HostIdentity
{
    public static void Describe(ProbeContext probe, int targetPid)
    {
        int ppid = ProcessIds.ParentProcessId;
        probe.Pid = Environment.ProcessId;
        probe.Tid = ProcessIds.ThreadId;
        probe.Ppid = ppid;
        probe.Uid = UserIds.RealUid();
        probe.Euid = UserIds.EffectiveUid();
        probe.Gid = ProcessIds.GroupId;
        probe.Egid = ProcessIds.EffectiveGroupId;
        probe.ExecName = Comm(Environment.ProcessId);
        probe.ParentExecName = Comm(ppid);
        probe.TargetPid = targetPid;
    }

    /// <summary>/proc/PID/comm without its newline; "" if the process is gone.</summary>
    private static string Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
