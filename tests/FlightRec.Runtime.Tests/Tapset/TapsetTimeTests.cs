using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetTimeTests
{
    // conformance base.ctime
    [Theory]
    [InlineData(0, "Thu Jan  1 00:00:00 1970")]
    [InlineData(-1, "Wed Dec 31 23:59:59 1969")]
    [InlineData(1, "Thu Jan  1 00:00:01 1970")]
    [InlineData(100000000, "Sat Mar  3 09:46:40 1973")]
    [InlineData(1234567890, "Fri Feb 13 23:31:30 2009")]
    [InlineData(1073741824, "Sat Jan 10 13:37:04 2004")]
    [InlineData(0x50000000, "Fri Jul 13 11:01:20 2012")]
    [InlineData(-2147483648, "Fri Dec 13 20:45:52 1901")]
    [InlineData(2147483647, "Tue Jan 19 03:14:07 2038")]
    public void Ctime(long seconds, string expected) => Assert.Equal(expected, TapsetTime.Ctime(seconds));

    [Theory]
    [InlineData(2147483648, "Time too far in the future to be converted")]
    [InlineData(long.MaxValue, "Time too far in the future to be converted")]
    [InlineData((9999 - 1970) * 365L * 86400, "Time too far in the future to be converted")]
    [InlineData(-2147483649, "Time too far in the past to be converted")]
    [InlineData(long.MinValue, "Time too far in the past to be converted")]
    [InlineData(-1 * (1970 - 1000) * 365L * 86400, "Time too far in the past to be converted")]
    public void Ctime_out_of_range(long seconds, string message)
    {
        var e = Assert.Throws<ScriptError>(() => TapsetTime.Ctime(seconds));
        Assert.Equal(message, e.Message);
        Assert.True(e.Catchable);
    }

    [Fact]
    public void Clock_functions_divide_the_nanosecond_clocks()
    {
        var clock = new FakeClock { RealtimeNanoseconds = 1_234_567_891_234_567_891, MonotonicNanoseconds = 98_765_432_101, Cycles = 77, Hz = 300 };
        var context = new ProbeContext { Clock = clock };
        Assert.Equal(1_234_567_891_234_567_891, TapsetTime.GettimeofdayNs(context));
        Assert.Equal(1_234_567_891_234_567, TapsetTime.GettimeofdayUs(context));
        Assert.Equal(1_234_567_891_234, TapsetTime.GettimeofdayMs(context));
        Assert.Equal(1_234_567_891, TapsetTime.GettimeofdayS(context));
        Assert.Equal(98_765_432_101, TapsetTime.LocalClockNs(context));
        Assert.Equal(98_765_432, TapsetTime.LocalClockUs(context));
        Assert.Equal(98_765, TapsetTime.LocalClockMs(context));
        Assert.Equal(98, TapsetTime.LocalClockS(context));
        Assert.Equal(98_765_432_101, TapsetTime.CpuClockNs(context, 3));
        Assert.Equal(98_765_432, TapsetTime.CpuClockUs(context, 3));
        Assert.Equal(98_765, TapsetTime.CpuClockMs(context, 3));
        Assert.Equal(98, TapsetTime.CpuClockS(context, 3));
        Assert.Equal(98_765_432_101, TapsetTime.KtimeGetNs(context));
        Assert.Equal(77, TapsetTime.GetCycles(context));
        Assert.Equal(300, TapsetTime.HZ(context));
        Assert.Equal(98_765 * 300 / 1000, TapsetTime.Jiffies(context));
        Assert.Equal("Fri Feb 13 23:31:31 2009", TapsetTime.Ctime(context));
    }

    [Fact]
    public void System_clock_reads_real_time()
    {
        var clock = new SystemScriptClock();
        long wall = clock.RealtimeNanoseconds / 1_000_000_000;
        long expected = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(wall, expected - 2, expected + 2);
        long a = clock.MonotonicNanoseconds;
        long b = clock.MonotonicNanoseconds;
        Assert.True(a > 0 && b >= a);
        Assert.Equal(250, clock.Hz);
    }
}
