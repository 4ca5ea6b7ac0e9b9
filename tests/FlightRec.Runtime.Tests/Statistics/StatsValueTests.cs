using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Statistics;

public sealed class StatsValueTests
{
    private const string Near = "operator '@min' at t.frs:3:9";

    private static StatsValue Fed(StatsDescriptor descriptor, params long[] samples)
    {
        var stats = new StatsValue(descriptor, slotCount: 2);
        foreach (long sample in samples)
        {
            stats.Add(0, sample);
        }

        return stats;
    }

    [Fact]
    public void ExtractorsOfOneToFive()
    {
        var s = Fed(StatsDescriptor.Plain, 1, 2, 3, 4, 5).Read();
        Assert.Equal(5, s.Count);
        Assert.Equal(15, s.Sum);
        Assert.Equal(1, s.Min());
        Assert.Equal(5, s.Max());
        Assert.Equal(3, s.Avg());
    }

    [Fact]
    public void VarianceOfOneToFiveIsTwelveAndTwoWithShiftOne()
    {
        Assert.Equal(12, Fed(StatsDescriptor.Plain, 1, 2, 3, 4, 5).Read().Variance());
        Assert.Equal(2, Fed(new StatsDescriptor(HistogramShape.None, bitShift: 1), 1, 2, 3, 4, 5).Read().Variance());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(-7L)]
    [InlineData(long.MaxValue)]
    public void OneSampleHasVarianceZero(long sample) =>
        Assert.Equal(0, Fed(new StatsDescriptor(HistogramShape.None, bitShift: 3), sample).Read().Variance());

    [Fact]
    public void VarianceMatchesTheCorpusNumbers()
    {
        // maps.PR31740_1, maps.linear_nearlyempty, maps.linear_over, maps.linear_under.
        Assert.Equal(1, Fed(new StatsDescriptor(HistogramShape.Log, bitShift: 7), 1, 2, 3).Read().Variance());
        Assert.Equal(154012, Fed(new StatsDescriptor(HistogramShape.None, bitShift: 7), 444, 999).Read().Variance());
        Assert.Equal(47241750, Fed(StatsDescriptor.Plain, [.. Range(1000, 10000)]).Read().Variance());
        Assert.Equal(5741, Fed(StatsDescriptor.Plain, [.. Range(0, 100)]).Read().Variance());
    }

    [Fact]
    public void VarianceTruncatesTheDeltaToThirtyTwoBitsAsStapDoes()
    {
        // Exact 64-bit Welford would give 2999999995250000008; stap's int delta gives this.
        Assert.Equal(852516352834537012, Fed(StatsDescriptor.Plain, 0, 3_000_000_000, 5).Read().Variance());
        Assert.Equal(2623257211623395654, Fed(StatsDescriptor.Plain, 10, 5_000_000_000, 7, 1L << 40).Read().Variance());
    }

    [Fact]
    public void SumWrapsAndAverageTruncatesTowardZero()
    {
        var s = Fed(StatsDescriptor.Plain, long.MaxValue, 1).Read();
        Assert.Equal(long.MinValue, s.Sum);
        Assert.Equal(-3, Fed(StatsDescriptor.Plain, -3, -4).Read().Avg());
    }

    [Fact]
    public void EmptyAggregateCountsAndSumsZeroAndRejectsTheRest()
    {
        var s = new StatsValue(StatsDescriptor.Plain, 4).Read();
        Assert.Equal(0, s.Count);
        Assert.Equal(0, s.Sum);
        foreach (Func<string, long> extractor in new Func<string, long>[] { n => s.Min(n), n => s.Max(n), n => s.Avg(n), n => s.Variance(n) })
        {
            var error = Assert.Throws<ScriptError>(() => extractor(Near));
            Assert.Equal("empty aggregate", error.Message);
            Assert.Equal("ERROR: empty aggregate near operator '@min' at t.frs:3:9", error.Report);
            Assert.True(error.Catchable);
        }
    }

    [Fact]
    public void SlotsMergeOnRead()
    {
        var stats = new StatsValue(StatsDescriptor.Plain, slotCount: 3);
        stats.Add(2, 10);
        stats.Add(0, -5);
        stats.Add(2, 30);
        var s = stats.Read();
        Assert.Equal(3, s.Count);
        Assert.Equal(35, s.Sum);
        Assert.Equal(-5, s.Min());
        Assert.Equal(30, s.Max());
        Assert.Equal(11, s.Avg());
    }

    [Fact]
    public void VarianceOverSlotsUsesTheTotalVarianceMerge()
    {
        // Slot 0: 1, 2 → truncated running mean 1, M2 1, variance_s 1. Slot 1: 3, 4, 5 → mean 3,
        // M2 5, variance_s 2. Merged mean 3; S1 = 2·(1−3)² + 3·(3−3)² = 8; S2 = 1·1 + 2·2 = 5;
        // (8 + 5) / 4 = 3.
        var stats = new StatsValue(StatsDescriptor.Plain, slotCount: 2);
        stats.Add(0, 1);
        stats.Add(0, 2);
        stats.Add(1, 3);
        stats.Add(1, 4);
        stats.Add(1, 5);
        Assert.Equal(3, stats.Read().Variance());
    }

    [Fact]
    public void ClearEmptiesEverySlotAndTheHistogram()
    {
        var stats = new StatsValue(new StatsDescriptor(HistogramShape.Log), slotCount: 2);
        stats.Add(0, 7);
        stats.Add(1, 9);
        stats.Clear();
        Assert.Equal(0, stats.Count);
        Assert.True(stats.Read().IsEmpty);
        Assert.All(stats.ReadHistogram().Buckets.ToArray(), count => Assert.Equal(0, count));
        stats.Add(1, 4);
        Assert.Equal(4, stats.Read().Min());
        Assert.Equal(0, stats.Read().Variance());
    }

    [Fact]
    public void BucketAccessMergesSlots()
    {
        var stats = new StatsValue(new StatsDescriptor(HistogramShape.Linear(0, 100, 10)), slotCount: 2);
        stats.Add(0, 15);
        stats.Add(1, 19);
        stats.Add(1, -1);
        stats.Add(0, 1000);
        Assert.Equal(2, stats.Bucket(2));
        Assert.Equal(1, stats.Bucket(0));
        Assert.Equal(1, stats.Bucket(12));
        Assert.Equal(0, stats.Bucket(5));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(13L)]
    [InlineData(long.MaxValue)]
    public void BucketIndexOutsideTheHistogramIsAnError(long index)
    {
        var stats = new StatsValue(new StatsDescriptor(HistogramShape.Linear(0, 100, 10)), slotCount: 1);
        stats.Add(0, 5);
        var error = Assert.Throws<ScriptError>(() => stats.Bucket(index, "operator '[' at t.frs:2:20"));
        Assert.Equal("ERROR: histogram index out of range near operator '[' at t.frs:2:20", error.Report);
    }

    [Fact]
    public void BucketAccessOnAnEmptyValueIsEmptyAggregateEvenOutOfRange()
    {
        var stats = new StatsValue(new StatsDescriptor(HistogramShape.Log), slotCount: 1);
        Assert.Equal("empty aggregate", Assert.Throws<ScriptError>(() => stats.Bucket(3)).Message);
        Assert.Equal("empty aggregate", Assert.Throws<ScriptError>(() => stats.Bucket(500)).Message);
    }

    [Fact]
    public void HistogramForeachSeesEveryBucketEvenWhenEmpty()
    {
        var empty = new StatsValue(new StatsDescriptor(HistogramShape.Linear(0, 100, 10)), slotCount: 1).ReadHistogram();
        Assert.Equal(13, empty.BucketCount);
        Assert.Equal(0, empty.Count);
        Assert.Equal(new long[13], empty.Buckets.ToArray());

        var log = new StatsValue(new StatsDescriptor(HistogramShape.Log), slotCount: 1);
        foreach (long length in new long[] { 3, 5, 4, 3, 4 })
        {
            log.Add(0, length);
        }

        var snapshot = log.ReadHistogram();
        Assert.Equal(128, snapshot.BucketCount);
        var nonEmpty = Enumerable.Range(0, snapshot.BucketCount).Where(b => snapshot[b] != 0).Select(b => (b, snapshot[b]));
        Assert.Equal([(66, 2L), (67, 3L)], nonEmpty);
    }

    [Fact]
    public void ConcurrentAddersOnTheirOwnSlotsLoseNothing()
    {
        var stats = new StatsValue(new StatsDescriptor(HistogramShape.Log, tracksVariance: false), slotCount: 4);
        Parallel.For(0, 4, slot =>
        {
            for (int i = 1; i <= 100_000; i++)
            {
                stats.Add(slot, i);
            }
        });
        var s = stats.Read();
        Assert.Equal(400_000, s.Count);
        Assert.Equal(4 * 5_000_050_000L, s.Sum);
        Assert.Equal(400_000, stats.ReadHistogram().Buckets.ToArray().Sum());
    }

    private static IEnumerable<long> Range(long from, long to)
    {
        for (long v = from; v < to; v++)
        {
            yield return v;
        }
    }
}
