using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// The time tapset (LANGUAGE.md §9.4). The microsecond, millisecond and second variants are integer
/// divisions of the nanosecond clock, as in stap.
/// </summary>
public static class TapsetTime
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static long GettimeofdayNs(ProbeContext context) => context.Clock.RealtimeNanoseconds;

    public static long GettimeofdayUs(ProbeContext context) => context.Clock.RealtimeNanoseconds / 1_000;

    public static long GettimeofdayMs(ProbeContext context) => context.Clock.RealtimeNanoseconds / 1_000_000;

    public static long GettimeofdayS(ProbeContext context) => context.Clock.RealtimeNanoseconds / 1_000_000_000;

    public static long LocalClockNs(ProbeContext context) => context.Clock.MonotonicNanoseconds;

    public static long LocalClockUs(ProbeContext context) => context.Clock.MonotonicNanoseconds / 1_000;

    public static long LocalClockMs(ProbeContext context) => context.Clock.MonotonicNanoseconds / 1_000_000;

    public static long LocalClockS(ProbeContext context) => context.Clock.MonotonicNanoseconds / 1_000_000_000;

    /// <summary>FR: every CPU shares CLOCK_MONOTONIC, so <paramref name="cpu"/> is ignored.</summary>
    public static long CpuClockNs(ProbeContext context, long cpu) => context.Clock.MonotonicNanoseconds;

    public static long CpuClockUs(ProbeContext context, long cpu) => context.Clock.MonotonicNanoseconds / 1_000;

    public static long CpuClockMs(ProbeContext context, long cpu) => context.Clock.MonotonicNanoseconds / 1_000_000;

    public static long CpuClockS(ProbeContext context, long cpu) => context.Clock.MonotonicNanoseconds / 1_000_000_000;

    public static long KtimeGetNs(ProbeContext context) => context.Clock.MonotonicNanoseconds;

    public static long GetCycles(ProbeContext context) => context.Clock.Cycles;

    /// <summary>CLOCK_MONOTONIC milliseconds × HZ / 1000.</summary>
    public static long Jiffies(ProbeContext context) =>
        context.Clock.MonotonicNanoseconds / 1_000_000 * context.Clock.Hz / 1000;

    public static long HZ(ProbeContext context) => context.Clock.Hz;

    /// <summary>ctime(): the current wall-clock second.</summary>
    public static string Ctime(ProbeContext context) => Ctime(GettimeofdayS(context));

    /// <summary>
    /// The 24-char GMT asctime layout <c>"%.3s %.3s%3d %.2d:%.2d:%.2d %d"</c>, limited to what a
    /// 32-bit time_t can hold.
    /// </summary>
    public static string Ctime(long epochSeconds)
    {
        if (epochSeconds > int.MaxValue)
        {
            throw new ScriptError("Time too far in the future to be converted");
        }

        if (epochSeconds < int.MinValue)
        {
            throw new ScriptError("Time too far in the past to be converted");
        }

        var t = DateTime.UnixEpoch.AddSeconds(epochSeconds);
        return string.Create(24, t, static (span, t) =>
        {
            DayNames[(int)t.DayOfWeek].AsSpan().CopyTo(span);
            span[3] = ' ';
            MonthNames[t.Month - 1].AsSpan().CopyTo(span[4..]);
            span[7] = ' ';
            span[8] = t.Day < 10 ? ' ' : (char)('0' + (t.Day / 10));
            span[9] = (char)('0' + (t.Day % 10));
            span[10] = ' ';
            span[11] = (char)('0' + (t.Hour / 10));
            span[12] = (char)('0' + (t.Hour % 10));
            span[13] = ':';
            span[14] = (char)('0' + (t.Minute / 10));
            span[15] = (char)('0' + (t.Minute % 10));
            span[16] = ':';
            span[17] = (char)('0' + (t.Second / 10));
            span[18] = (char)('0' + (t.Second % 10));
            span[19] = ' ';
            t.Year.TryFormat(span[20..], out _, default, System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}
