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

    [Theory]
    [InlineData("timer.ms(1)")]
    [InlineData("timer.ms(2).randomize(1)")]
    public void AnArmedTimerFiresOncePerWakeUpAndKeepsFiring(string point)
    {
        using var source = new TimerProvider().Create(Probe(point));
        source.Arm();

        for (int round = 0; round < 3; round++)
        {
            Thread.Sleep(10);
            Assert.True(source.Consume(), $"round {round}");
            Assert.False(source.Consume());
        }
    }
}
