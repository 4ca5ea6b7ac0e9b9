using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>strsignal(3): "Killed", "Segmentation fault" — the words staprun prints after a signal number.</summary>
public static partial class SignalNames
{
    public static string Describe(int signal) => Marshal.PtrToStringUTF8(strsignal(signal)) ?? $"Unknown signal {signal}";

    [LibraryImport("libc")]
    private static partial nint strsignal(int signal);
}
