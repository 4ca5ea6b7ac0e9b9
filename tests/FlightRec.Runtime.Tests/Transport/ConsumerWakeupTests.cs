using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Transport;

/// <summary>
/// A ring that falls behind its consumer wakes it before the reader timeout, so a burst does not
/// fill a discard ring while the consumer sleeps out its 200 ms.
/// </summary>
public sealed class ConsumerWakeupTests
{
    private const long Capacity = 64 * 1024;

    [Fact]
    public void ARingAQuarterBehindWakesTheConsumerAndLessDoesNot()
    {
        using var session = new TestSession(cpus: 1, capacity: Capacity);
        session.Rings[0].WakeConsumerWhenBehind(session.Header.Wakeup);
        using var consumerView = SessionHeader.Open(session.Paths.HeaderPath, writable: false);
        int before = consumerView.Wakeup.Sequence;

        var payload = new byte[96];
        long written = 0;
        while (written + 128 < Capacity / 4 - Capacity / 16)
        {
            session.Rings[0].Commit(payload);
            written += 128;
        }

        Assert.Equal(before, consumerView.Wakeup.Sequence);
        while (written < Capacity / 4 + Capacity / 16)
        {
            session.Rings[0].Commit(payload);
            written += 128;
        }

        Assert.NotEqual(before, consumerView.Wakeup.Sequence);
    }

    [Fact]
    public void ASleepingConsumerReturnsWhenTheRingFallsBehindNotAtItsTimeout()
    {
        using var session = new TestSession(cpus: 1, capacity: Capacity);
        session.Rings[0].WakeConsumerWhenBehind(session.Header.Wakeup);
        using var consumerView = SessionHeader.Open(session.Paths.HeaderPath, writable: false);
        var wakeup = consumerView.Wakeup;
        int seen = wakeup.Sequence;
        using var asleep = new ManualResetEventSlim();
        var consumer = new Thread(() =>
        {
            asleep.Set();
            wakeup.Sleep(seen, timeoutMs: 600_000);
        });
        consumer.Start();
        asleep.Wait();

        var payload = new byte[96];
        for (long written = 0; written < Capacity / 2; written += 128)
        {
            session.Rings[0].Commit(payload);
        }

        // Ten minutes is the sleep's own limit: only the writer's wake can end it within the join's.
        Assert.True(consumer.Join(TimeSpan.FromSeconds(30)), "the consumer slept on although the ring was half full");
    }

    [Fact]
    public void AWakeBeforeTheSleepMakesTheSleepReturnAtOnce()
    {
        using var session = new TestSession(cpus: 1, capacity: Capacity);
        var wakeup = session.Header.Wakeup;
        int seen = wakeup.Sequence;
        wakeup.Wake();

        var sleeper = new Thread(() => wakeup.Sleep(seen, timeoutMs: 600_000));
        sleeper.Start();

        Assert.True(sleeper.Join(TimeSpan.FromSeconds(30)), "a wake between the look and the sleep was lost");
    }
}
