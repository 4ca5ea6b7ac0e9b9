using FlightRec.Runtime.Providers;

namespace FlightRec.Runtime.Tests.Providers;

public sealed class TimerSpecTests
{
    [Theory]
    [InlineData("timer.s(2)", 2_000_000_000L, 0L)]
    [InlineData("timer.sec(1)", 1_000_000_000L, 0L)]
    [InlineData("timer.ms(100)", 100_000_000L, 0L)]
    [InlineData("timer.msec(10)", 10_000_000L, 0L)]
    [InlineData("timer.ms(100).randomize(20)", 100_000_000L, 20_000_000L)]
    [InlineData("timer.us(500)", 500_000L, 0L)]
    [InlineData("timer.usec(250).randomize(100)", 250_000L, 100_000L)]
    [InlineData("timer.ns(100000)", 100_000L, 0L)]
    [InlineData("timer.nsec(123456)", 123_456L, 0L)]
    [InlineData("timer.jiffies(5)", 20_000_000L, 0L)]
    [InlineData("timer.jiffies(10).randomize(10)", 40_000_000L, 40_000_000L)]
    [InlineData("timer.hz(100)", 10_000_000L, 0L)]
    [InlineData("timer.hz(3)", 333_333_334L, 0L)]
    [InlineData("timer.ms(0x10)", 16_000_000L, 0L)]
    [InlineData("timer.ms(010)", 8_000_000L, 0L)]
    public void PeriodsAreInNanosecondsAsStapComputesThem(string point, long period, long randomize)
    {
        Assert.Equal(new TimerSpec(period, randomize), TimerSpec.Parse(point));
    }

    [Theory]
    [InlineData("begin")]
    [InlineData("timer.profile")]
    [InlineData("timer.profile.tick")]
    [InlineData("timer.minutes(1)")]
    [InlineData("timer.hz(10).randomize(1)")]
    [InlineData("timer.ms(1).jitter(1)")]
    [InlineData("timer.ms(x)")]
    [InlineData("timer.ms()")]
    [InlineData("timer.ms(5")]
    [InlineData("kernel.trace(\"sched:sched_switch\")")]
    public void OtherPointsAreNotTimers(string point)
    {
        Assert.Null(TimerSpec.Parse(point));
    }

    [Theory]
    [InlineData("timer.ms(0)", "interval value out of range (1, 86400000)")]
    [InlineData("timer.ms(86400001)", "interval value out of range (1, 86400000)")]
    [InlineData("timer.s(0)", "interval value out of range (1, 86400)")]
    [InlineData("timer.s(99999999999999)", "interval value out of range (1, 86400)")]
    [InlineData("timer.us(99)", "interval value out of range (100, 86400000000)")]
    [InlineData("timer.ns(99999)", "interval value out of range (100000, 86400000000000)")]
    [InlineData("timer.ms(-5)", "interval value out of range (1, 86400000)")]
    [InlineData("timer.hz(20000)", "interval value out of range (100000, 86400000000000)")]
    [InlineData("timer.hz(0)", "frequency must be greater than 0")]
    [InlineData("timer.ms(10).randomize(11)", "randomization value out of range")]
    [InlineData("timer.ms(10).randomize(-1)", "randomization value out of range")]
    [InlineData("timer.jiffies(0)", "invalid interval for jiffies timer")]
    [InlineData("timer.jiffies(1000001)", "invalid interval for jiffies timer")]
    [InlineData("timer.jiffies(5).randomize(6)", "invalid randomize for jiffies timer")]
    public void ParametersOutOfRangeAreStapsSemanticErrors(string point, string reason)
    {
        var e = Assert.Throws<ProbePointException>(() => TimerSpec.Parse(point));

        Assert.Equal($"probe point {point}: {reason}", e.Message);
    }

    [Fact]
    public void RandomizedPeriodsStayWithinPlusMinusM()
    {
        var spec = TimerSpec.Parse("timer.ms(100).randomize(20)")!.Value;
        var random = new Random(7);
        var periods = Enumerable.Range(0, 2000).Select(_ => spec.NextPeriod(random)).ToList();

        Assert.All(periods, p => Assert.InRange(p, 80_000_000L, 120_000_000L));
        Assert.True(periods.Min() < 82_000_000L && periods.Max() > 118_000_000L, "the whole range is used");
    }

    [Fact]
    public void AFixedPeriodIsAlwaysThePeriod()
    {
        var spec = TimerSpec.Parse("timer.us(500)")!.Value;

        Assert.Equal(500_000L, spec.NextPeriod(new Random(1)));
    }
}
