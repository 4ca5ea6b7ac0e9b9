using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>kill(2).</summary>
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

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
