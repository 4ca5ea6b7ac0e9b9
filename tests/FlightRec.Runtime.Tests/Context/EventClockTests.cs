using FlightRec.Runtime.Context;

namespace FlightRec.Runtime.Tests.Context;

public sealed class EventClockTests
{
    private sealed class FixedClock : IScriptClock
    {
        public long RealtimeNanoseconds { get; set; } = 1_700_000_000_000_000_000;

        public long MonotonicNanoseconds { get; set; } = 5_000_000_000;

        public long Cycles => 42;

        public long Hz => 250;
    }

    [Fact]
    public void HandlersSeeTheEventsTimeOnBothClocks()
    {
        var host = new FixedClock();
        var clock = new EventClock(host);
        clock.Synchronize();
        // The event happened 2 s before the batch was handled.
        clock.EventNanoseconds = 3_000_000_000;
        host.MonotonicNanoseconds += 1_000_000;
        host.RealtimeNanoseconds += 1_000_000;

        Assert.Equal(3_000_000_000, clock.MonotonicNanoseconds);
        Assert.Equal(1_699_999_998_000_000_000, clock.RealtimeNanoseconds);
        Assert.Equal((42, 250), (clock.Cycles, clock.Hz));
    }
}
