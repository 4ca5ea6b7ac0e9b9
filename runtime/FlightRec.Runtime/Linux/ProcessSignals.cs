using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>kill(2): probing a process, and sending it a signal (tests detach and stop consumers with real signals).</summary>
public static partial class ProcessSignals
{
    /// <summary>kill(pid, 0): the process exists (EPERM means it exists but belongs to someone else).</summary>
    public static bool Exists(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        return kill(pid, 0) == 0 || Errno.Last == Errno.EPERM;
    }

    /// <summary>kill(pid, signal): 0 when sent, else the errno (ESRCH: no such process).</summary>
    public static int Send(int pid, int signal) => kill(pid, signal) == 0 ? 0 : Errno.Last;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
