using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Context;

/// <summary>
/// The real clocks: clock_gettime(CLOCK_REALTIME / CLOCK_MONOTONIC) read directly so that values
/// have nanosecond resolution and reading allocates nothing. <paramref name="hz"/> is the kernel's
/// CONFIG_HZ as discovered by the host (LANGUAGE.md §9.4: default 250 when unknown).
/// </summary>
public sealed partial class SystemScriptClock(long hz = 250) : IScriptClock
{
    private const int ClockRealtime = 0;
    private const int ClockMonotonic = 1;

    public static SystemScriptClock Default { get; } = new();

    public long RealtimeNanoseconds => Read(ClockRealtime);

    public long MonotonicNanoseconds => Read(ClockMonotonic);

    public long Cycles => Stopwatch.GetTimestamp();

    public long Hz { get; } = hz;

    private static long Read(int clockId)
    {
        if (ClockGetTime(clockId, out var ts) != 0)
        {
            // Not expected on Linux; fall back to the managed clocks rather than fail a handler.
            return clockId == ClockRealtime
                ? (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100
                : (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        }

        return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out Timespec ts);
}
