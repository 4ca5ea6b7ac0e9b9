using System.Runtime.InteropServices;

namespace FlightRec.Conformance;

/// <summary>
/// kill(2), for Ctrl-C: .NET can only terminate a child process, and the run cases that
/// never call exit() need the SIGINT that stap_run sends to finish normally.
/// </summary>
internal static class NativeMethods
{
    private const int Sigint = 2;

    public static bool Interrupt(int pid) => !OperatingSystem.IsWindows() && kill(pid, Sigint) == 0;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable IDE1006 // The name must match the C symbol.
    private static extern int kill(int pid, int sig);
#pragma warning restore IDE1006
}
