using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>pidfd_open(2): a descriptor that becomes readable when the process exits (Linux 5.3+).</summary>
public static partial class PidFd
{
    // The same number on every architecture: pidfd_open came after the syscall tables were unified.
    private const long SYS_pidfd_open = 434;

    /// <summary>A pidfd for <paramref name="pid"/>; ESRCH (as a <see cref="System.ComponentModel.Win32Exception"/>) if there is no such process.</summary>
    public static int Open(int pid)
    {
        long fd = syscall(SYS_pidfd_open, pid, 0);
        return fd >= 0 ? (int)fd : throw Errno.LastError("pidfd_open");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long pid, long flags);
}
