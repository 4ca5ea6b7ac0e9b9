using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Statistics;

public sealed class HistogramShapeTests
{
    [Theory]
    [InlineData(0L, 64)]
    [InlineData(1L, 65)]
    [InlineData(2L, 66)]
    [InlineData(3L, 66)]
    [InlineData(4L, 67)]
    [InlineData(7L, 67)]
    [InlineData(128L, 72)]
    [InlineData(long.MaxValue, 127)]
    [InlineData(-1L, 63)]
    [InlineData(-2L, 62)]
    [InlineData(-3L, 62)]
    [InlineData(-4096L, 51)]
    [InlineData(long.MinValue + 1, 1)]
    [InlineData(long.MinValue, 0)]
    public void LogBuckets(long value, int bucket) => Assert.Equal(bucket, HistogramShape.Log.BucketOf(value));

    [Theory]
    [InlineData(64, 0L)]
    [InlineData(65, 1L)]
    [InlineData(66, 2L)]
    [InlineData(127, 1L << 62)]
    [InlineData(63, -1L)]
    [InlineData(62, -2L)]
    [InlineData(1, -4611686018427387904L)]
    [InlineData(0, long.MinValue)]
    public void LogLabels(int bucket, long label) => Assert.Equal(label, HistogramShape.LogBucketLabel(bucket));

    [Theory]
    [InlineData(249L, 0)]
    [InlineData(long.MinValue + 250, 0)]
    [InlineData(250L, 1)]
    [InlineData(299L, 1)]
    [InlineData(300L, 2)]
    [InlineData(999L, 15)]
    [InlineData(1000L, 16)] // stop falls in a regular bucket
    [InlineData(1049L, 16)]
    [InlineData(1050L, 17)]
    [InlineData(long.MaxValue, 17)]
    public void LinearBuckets(long value, int bucket)
    {
        var shape = HistogramShape.Linear(250, 1000, 50);
        Assert.Equal(18, shape.BucketCount);
        Assert.Equal(bucket, shape.BucketOf(value));
    }

    [Fact]
    public void LinearBucketsWithANegativeStart()
    {
        var shape = HistogramShape.Linear(-100, 100, 10);
        Assert.Equal(23, shape.BucketCount);
        Assert.Equal(0, shape.BucketOf(-101));
        Assert.Equal(1, shape.BucketOf(-100));
        Assert.Equal(10, shape.BucketOf(-10));
        Assert.Equal(10, shape.BucketOf(-1));
        Assert.Equal(11, shape.BucketOf(0));
        Assert.Equal(21, shape.BucketOf(100));
        Assert.Equal(22, shape.BucketOf(110));
    }

    [Fact]
    public void AWrappingOffsetCountsAsUnderflowAsInC()
    {
        // long.MaxValue − (−100) wraps negative in stap's int64 arithmetic, long.MinValue − 250 positive.
        Assert.Equal(0, HistogramShape.Linear(-100, 100, 10).BucketOf(long.MaxValue));
        Assert.Equal(17, HistogramShape.Linear(250, 1000, 50).BucketOf(long.MinValue));
    }

    [Theory]
    [InlineData(0L, 0L, 1L, 3)]
    [InlineData(0L, -1L, 2L, 3)]
    [InlineData(0L, 1250L, 10L, 128)]
    [InlineData(0L, 1500L, 50L, 33)]
    public void LinearBucketCounts(long start, long stop, long interval, int buckets)
    {
        Assert.Null(HistogramShape.ValidateLinear(start, stop, interval));
        Assert.Equal(buckets, HistogramShape.Linear(start, stop, interval).BucketCount);
    }

    [Theory]
    [InlineData(0L, 100L, 0L, "histogram: interval cannot be zero.")]
    [InlineData(0L, 100L, -10L, "histogram: interval must be positive (got -10)")]
    [InlineData(0L, 1260L, 10L, "histogram: number of buckets must be between 1 and 126, got 127 = (stop - start) / interval + 1 for start 0, stop 1260, interval 10")]
    [InlineData(100L, 0L, 10L, "histogram: number of buckets must be between 1 and 126, got -9 = (stop - start) / interval + 1 for start 100, stop 0, interval 10")]
    [InlineData(0L, 5_000_000_000L, 1_000_000_000L, "histogram: start (0), stop (5000000000), interval (1000000000) and stop - start must each fit in 32 bits")]
    public void LinearParameterErrors(long start, long stop, long interval, string message)
    {
        Assert.Equal(message, HistogramShape.ValidateLinear(start, stop, interval));
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => HistogramShape.Linear(start, stop, interval)).Message);
    }

    [Fact]
    public void MaxBucketsFollowsStpMaxBuckets()
    {
        Assert.Null(HistogramShape.ValidateLinear(0, 1260, 10, maxBuckets: 129));
        Assert.Equal(
            "histogram: number of buckets must be between 1 and 8, got 11 = (stop - start) / interval + 1 for start 0, stop 100, interval 10",
            HistogramShape.ValidateLinear(0, 100, 10, maxBuckets: 10));
    }
}
