using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Statistics;

/// <summary>
/// stap reads a statistics-array element through map.c's pairwise copy, not through the
/// scalar merge: with the samples of maps.foreach_limit2's agg_array[9] the two differ by one.
/// </summary>
public sealed class ArrayElementVarianceTests
{
    private static StatsValue Samples(params long[] values)
    {
        var stats = new StatsValue(StatsDescriptor.Plain, 2);
        foreach (long v in values)
        {
            stats.Add(0, v);
        }

        return stats;
    }

    [Fact]
    public void AnElementKeepsItsRunningVariance()
    {
        var stats = Samples(18, 9, 54, 1, 2, 18, 18, 18, 18, 18);
        Assert.Equal(216, stats.ReadElement().Variance());
        Assert.Equal(217, stats.Read().Variance());
    }

    [Fact]
    public void PartsFromSeveralCpusAreFoldedPairwise()
    {
        var stats = new StatsValue(StatsDescriptor.Plain, 2);
        foreach (long v in new long[] { 1, 2, 3 })
        {
            stats.Add(0, v);
        }

        foreach (long v in new long[] { 4, 5 })
        {
            stats.Add(1, v);
        }

        var element = stats.ReadElement();
        Assert.Equal(5, element.Count);
        Assert.Equal(15, element.Sum);
        Assert.Equal(1, element.Min());
        Assert.Equal(5, element.Max());
        // Running integer means truncate: part one (1, 2, 3) has avg_s 1 and variance_s 5/2 = 2,
        // part two (4, 5) avg_s 4 and variance_s 1. Merged avg_s = 15 / 5 = 3, so
        // (3·(1−3)² + 2·2 + 2·(4−3)² + 1·1) / 4 = 19 / 4 = 4.
        Assert.Equal(4, element.Variance());
    }

    [Fact]
    public void AnEmptyElementReadsEmpty() => Assert.True(new StatsValue(StatsDescriptor.Plain, 1).ReadElement().IsEmpty);
}
