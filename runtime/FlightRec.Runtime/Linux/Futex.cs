using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// futex(2) on a word of shared memory (not FUTEX_PRIVATE: the waiter and the waker are different
/// processes mapping the same session file). glibc has no wrapper.
/// </summary>
internal static unsafe partial class Futex
{
    private const int WaitOperation = 0;
    private const int WakeOperation = 1;

    private static readonly long Number = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 202,
        Architecture.Arm64 => 98,
        _ => -1,
    };

    /// <summary>
    /// Sleeps while <paramref name="word"/> holds <paramref name="expected"/>, at most
    /// <paramref name="timeoutMs"/>; returns at once if it already differs, early on a wake or a signal.
    /// </summary>
    public static void WaitWhile(int* word, int expected, int timeoutMs)
    {
        if (Number < 0)
        {
            Thread.Sleep(timeoutMs);
            return;
        }

        var timeout = new Timespec { Seconds = timeoutMs / 1000, Nanoseconds = timeoutMs % 1000 * 1_000_000L };
        _ = syscall(Number, (nint)word, WaitOperation, expected, (nint)(&timeout), 0, 0);
    }

    /// <summary>Wakes every waiter on <paramref name="word"/>.</summary>
    public static void WakeAll(int* word)
    {
        if (Number >= 0)
        {
            _ = syscall(Number, (nint)word, WakeOperation, int.MaxValue, 0, 0, 0);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, nint word, int operation, int value, nint timeout, nint word2, int value3);
}
