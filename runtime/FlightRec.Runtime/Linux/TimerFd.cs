using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>timerfd_create(2)/timerfd_settime(2) on CLOCK_MONOTONIC.</summary>
public static partial class TimerFd
{
    private const int CLOCK_MONOTONIC = 1;
    private const int TFD_CLOEXEC = 0x80000;
    private const int TFD_NONBLOCK = 0x800;
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static int Create()
    {
        int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
        return fd >= 0 ? fd : throw Errno.LastError("timerfd_create");
    }

    /// <summary>
    /// Arms the timer to expire after <paramref name="firstNanoseconds"/> and then every
    /// <paramref name="intervalNanoseconds"/> (0: once). A zero first expiry would disarm it,
    /// so it is raised to 1 ns.
    /// </summary>
    public static unsafe void Arm(int fd, long firstNanoseconds, long intervalNanoseconds)
    {
        var spec = new ITimerSpec
        {
            IntervalSeconds = intervalNanoseconds / NanosecondsPerSecond,
            IntervalNanoseconds = intervalNanoseconds % NanosecondsPerSecond,
            ValueSeconds = Math.Max(1, firstNanoseconds) / NanosecondsPerSecond,
            ValueNanoseconds = Math.Max(1, firstNanoseconds) % NanosecondsPerSecond,
        };
        if (timerfd_settime(fd, 0, &spec, null) < 0)
        {
            throw Errno.LastError("timerfd_settime");
        }
    }

    /// <summary>Expirations since the last read; 0 if none (the descriptor is non-blocking).</summary>
    public static ulong ReadExpirations(int fd) => FileDescriptors.TryReadCounter(fd, out ulong n) ? n : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct ITimerSpec
    {
        public long IntervalSeconds;
        public long IntervalNanoseconds;
        public long ValueSeconds;
        public long ValueNanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int timerfd_create(int clockid, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int timerfd_settime(int fd, int flags, ITimerSpec* newValue, ITimerSpec* oldValue);
}
