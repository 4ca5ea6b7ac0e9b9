using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;

namespace FlightRec.Runtime.Tests.Providers;

public sealed class TimerSourceTests
{
    private static ProbeDescriptor Probe(string point) => new(point, point, ProbeKind.Event, 0, _ => { }, [], []);

    [Fact]
    public void AnUnarmedTimerNeverFires()
    {
        using var source = new TimerProvider().Create(Probe("timer.ms(1)"));
        Thread.Sleep(10);

        Assert.False(source.Consume());
    }

    // Periods far longer than the gap between the two Consume calls: with 1-2 ms periods a
    // busy machine could let the timer fire again in between and fail the test for nothing.
    [Theory]
    [InlineData("timer.ms(100)")]
    [InlineData("timer.ms(100).randomize(10)")]
    public void AnArmedTimerFiresOncePerWakeUpAndKeepsFiring(string point)
    {
        using var source = new TimerProvider().Create(Probe(point));
        source.Arm();

        for (int round = 0; round < 3; round++)
        {
            Thread.Sleep(150);
            Assert.True(source.Consume(), $"round {round}");
            Assert.False(source.Consume());
        }
    }
}
