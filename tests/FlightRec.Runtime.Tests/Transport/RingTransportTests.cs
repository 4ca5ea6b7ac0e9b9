using System.Text;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Transport;

public class RingTransportTests
{
    [Fact]
    public void ConsumerReceivesEveryRecordOnceMergedByTime()
    {
        using var session = new TestSession();
        session.Write(0, "a\n");
        session.Write(1, "b\n");
        session.Write(0, "c\n");
        session.Messages.WriteLine("WARNING: careful");

        var sink = session.Drain();

        Assert.Equal("a\nb\nc\n", sink.Stdout);
        Assert.Equal("WARNING: careful\n", sink.Stderr);
        Assert.Equal([0, 1, 0], sink.Records.Select(r => r.Cpu));
        Assert.Equal("", session.Drain().Stdout);
    }

    [Fact]
    public void NextConsumerResumesExactlyWhereThePreviousStopped()
    {
        using var session = new TestSession(capacity: 64 * 1024);
        var all = new StringBuilder();
        var received = new StringBuilder();
        for (int round = 0; round < 30; round++)
        {
            for (int i = 0; i < 97; i++)
            {
                string line = $"{round}:{i}\n";
                session.Write(i % 2, line);
                all.Append(line);
            }

            received.Append(session.Drain().Stdout);
        }

        Assert.Equal(all.ToString(), received.ToString());
    }

    [Fact]
    public void OverwriteKeepsTheNewestAndCountsExactlyWhatWasLost()
    {
        using var session = new TestSession(cpus: 1, policy: RingPolicy.Overwrite);
        const int total = 20_000;
        for (int i = 1; i <= total; i++)
        {
            session.Write(0, $"{i:D8}\n");
        }

        var sink = session.Drain();
        var lines = sink.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.Equal(total, lines[^1]);
        Assert.Equal(Enumerable.Range(lines[0], lines.Count), lines);
        long lost = total - lines.Count;
        Assert.Equal($"WARNING: {lost} records ({lost * 9} bytes) were overwritten\n", sink.Stderr);
    }

    [Fact]
    public void DiscardKeepsTheOldestAndReportsDropsOnce()
    {
        using var session = new TestSession(cpus: 1, policy: RingPolicy.Discard);
        const int total = 20_000;
        for (int i = 1; i <= total; i++)
        {
            session.Write(0, $"{i:D8}\n");
        }

        var sink = session.Drain();
        var lines = sink.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(1, lines.Count), lines);
        long dropped = total - lines.Count;
        Assert.Equal($"WARNING: {dropped} records ({dropped * 9} bytes) were dropped\n", sink.Stderr);

        // Once read, the space is reusable and the drop is not reported again.
        session.Write(0, "after\n");
        var next = session.Drain();
        Assert.Equal("after\n", next.Stdout);
        Assert.Equal("", next.Stderr);
    }

    [Fact]
    public void ConsumerThatFallsBehindInOverwriteModeSeesTheGapCounted()
    {
        using var session = new TestSession(cpus: 1, policy: RingPolicy.Overwrite);
        for (int i = 1; i <= 10; i++)
        {
            session.Write(0, $"{i:D8}\n");
        }

        Assert.Equal(10, session.Drain().Records.Count);
        for (int i = 11; i <= 50_000; i++)
        {
            session.Write(0, $"{i:D8}\n");
        }

        var sink = session.Drain();
        var first = int.Parse(sink.Records[0].Text);
        Assert.Equal(50_000, int.Parse(sink.Records[^1].Text));
        long lost = first - 11;
        Assert.Equal($"WARNING: {lost} records ({lost * 9} bytes) were overwritten\n", sink.Stderr);
    }

    [Fact]
    public void RecordsOfEverySizeSurviveWrapAroundWithPadding()
    {
        using var session = new TestSession(cpus: 1, policy: RingPolicy.Overwrite);
        var random = new Random(7);
        var expected = new StringBuilder();
        var received = new StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            string text = new((char)('a' + (i % 26)), random.Next(0, 3000));
            session.Write(0, text);
            expected.Append(text);
            if (i % 5 == 4)
            {
                var sink = session.Drain();
                Assert.Equal("", sink.Stderr);
                received.Append(sink.Stdout);
            }
        }

        received.Append(session.Drain().Stdout);
        Assert.Equal(expected.ToString(), received.ToString());
    }

    [Fact]
    public void PayloadLargerThanAQuarterRingIsSplitNotLost()
    {
        using var session = new TestSession(cpus: 1);
        string big = new('x', 40_000);
        session.Write(0, big);

        var sink = session.Drain();

        Assert.Equal(big, sink.Stdout);
        Assert.True(sink.Records.Count > 1);
    }

    [Fact]
    public void DumpIsNonDestructiveAndSeesNewerDataNextTime()
    {
        using var session = new TestSession();
        session.Write(0, "one\n");
        session.Write(1, "two\n");

        var first = session.Dump(out var summary);
        Assert.Equal("one\ntwo\n", first.Stdout);
        Assert.Equal(2, summary.Records);
        Assert.True(summary.HostAlive);

        session.Write(0, "three\n");
        Assert.Equal("one\ntwo\nthree\n", session.Dump(out _).Stdout);

        // The attached consumer still gets everything.
        Assert.Equal("one\ntwo\nthree\n", session.Drain().Stdout);
        // A dump after consuming still shows what the rings retain.
        Assert.Equal("one\ntwo\nthree\n", session.Dump(out _).Stdout);
    }

    [Fact]
    public void DumpOfOverwrittenRingCountsEverythingNoLongerThere()
    {
        using var session = new TestSession(cpus: 2, policy: RingPolicy.Overwrite);
        const int perCpu = 30_000;
        for (int i = 1; i <= perCpu; i++)
        {
            session.Write(0, $"{i:D8}\n");
            session.Write(1, $"{i:D8}\n");
        }

        var sink = session.Dump(out var summary);

        Assert.Equal(2 * perCpu - summary.Records, summary.Overwritten);
        Assert.Equal($"WARNING: {summary.Overwritten} records ({summary.Overwritten * 9} bytes) were overwritten\n", sink.Stderr);
        foreach (int cpu in new[] { 0, 1 })
        {
            var values = sink.Records.Where(r => r.Cpu == cpu).Select(r => int.Parse(r.Text)).ToList();
            Assert.Equal(perCpu, values[^1]);
            Assert.Equal(Enumerable.Range(values[0], values.Count), values);
        }
    }

    [Fact]
    public void SecondConsumerCopyOfARingDoesNotDuplicateAfterPartialRead()
    {
        using var session = new TestSession(cpus: 1);
        session.Write(0, "a\n");
        using (var reader = SessionReader.Open(session.Paths))
        {
            var sink = new CollectingRecordSink();
            reader.Drain(sink);
            Assert.Equal("a\n", sink.Stdout);
        }

        session.Write(0, "b\n");
        Assert.Equal("b\n", session.Drain().Stdout);
    }

    [Fact]
    public void MessageWriterTracksErrorsAndKeepsLinesWhole()
    {
        using var session = new TestSession(cpus: 1);
        Assert.False(session.Messages.SawError);
        session.Messages.Write("WARNING: a");
        session.Messages.Write(" b\n");
        session.Messages.WriteLine("ERROR: boom");

        Assert.True(session.Messages.SawError);
        Assert.Equal("WARNING: a b\nERROR: boom\n", session.Drain().Stderr);
    }

    [Fact]
    public void DumpReadInSmallChunksEqualsDumpReadWhole()
    {
        using var session = new TestSession(cpus: 2, policy: RingPolicy.Overwrite, hostStart: 1);
        for (int i = 1; i <= 5000; i++)
        {
            session.Write(i % 2, $"{i:D8}\n");
        }

        var whole = session.Dump(out var wholeSummary);
        var chunked = new CollectingRecordSink();
        var chunkedSummary = SessionDump.Dump(session.Paths, chunked, chunkBytes: 1000);

        Assert.Equal(whole.Stdout, chunked.Stdout);
        Assert.Equal(whole.Stderr, chunked.Stderr);
        Assert.Equal(wholeSummary, chunkedSummary);
        var values = chunked.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.Equal(5000, values[^1]);
        Assert.Equal(values.Order(), values);
    }
}
