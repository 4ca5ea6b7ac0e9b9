using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// signal(2) with SIG_DFL. A shell without job control starts background commands with
/// SIGINT and SIGQUIT ignored, and .NET leaves a signal that was ignored at start-up ignored
/// even when a handler is registered for it; so `frrun -A rec &` could then neither be
/// detached nor stopped. Resetting the disposition first lets the registration take effect,
/// as staprun installs its handlers regardless of what it inherited.
/// </summary>
public static partial class SignalDisposition
{
    private static readonly IntPtr Default = IntPtr.Zero;

    /// <summary>Restores the default action of <paramref name="signal"/>; returns 0 or the errno.</summary>
    public static int ResetToDefault(int signal) => Signal(signal, Default) == -1 ? Errno.Last : 0;

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial IntPtr Signal(int signal, IntPtr handler);
}
