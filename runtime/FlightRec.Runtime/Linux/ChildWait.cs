using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// waitpid(2) for a child started with <see cref="ProcessSpawn"/> (the runtime reaps only the
/// children System.Diagnostics.Process started, so these are ours to wait for).
/// </summary>
public static unsafe partial class ChildWait
{
    private const int WUNTRACED = 2;

    /// <summary>Blocks until the child stops or ends.</summary>
    public static WaitStatus UntilStoppedOrExited(int pid) => Wait(pid, WUNTRACED);

    /// <summary>Blocks until the child ends.</summary>
    public static WaitStatus UntilExited(int pid) => Wait(pid, 0);

    private static WaitStatus Wait(int pid, int options)
    {
        int status = 0;
        while (waitpid(pid, &status, options) < 0)
        {
            if (Errno.Last != Errno.EINTR)
            {
                throw Errno.LastError("waitpid");
            }
        }

        return new WaitStatus(status);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);
}
