using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>Leaving the launcher's terminal: setsid(2) and stdio on /dev/null.</summary>
public static partial class ProcessSession
{
    /// <summary>
    /// Points descriptors 0, 1 and 2 at /dev/null (so a closed terminal or pipe can never block
    /// or kill the process) and starts a new session without a controlling terminal.
    /// setsid fails only for a process-group leader, which then keeps its session: harmless.
    /// </summary>
    public static void Detach()
    {
        int devNull = FileDescriptors.OpenReadWrite("/dev/null");
        for (int fd = 0; fd <= 2; fd++)
        {
            FileDescriptors.Duplicate(devNull, fd);
        }

        FileDescriptors.Close(devNull);
        _ = setsid();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsid();
}
