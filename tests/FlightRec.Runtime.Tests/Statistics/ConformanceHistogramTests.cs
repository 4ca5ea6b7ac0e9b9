using System.Globalization;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Statistics;

/// <summary>
/// Replays the statistics of SystemTap testsuite scripts from the shared conformance corpus —
/// feeding the samples each script feeds and printing what it prints — and compares with the
/// expected output stored there.
/// </summary>
public sealed class ConformanceHistogramTests
{
    private static StatsValue NewStats(HistogramShape shape, int bitShift = 0) => new(new StatsDescriptor(shape, bitShift), slotCount: 2);

    private static void AssertMatches(string corpusName, string actual)
    {
        if (Conformance.ConformanceCorpus.ReadExpectedText(corpusName) is { } expected)
        {
            Assert.Equal(expected, actual);
        }
    }

    private static string Printf(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("maps.elision.hist_elision_0", 0)]
    [InlineData("maps.elision.hist_elision_1", 1)]
    [InlineData("maps.elision.hist_elision_3", 3)]
    [InlineData("maps.elision.hist_elision_m1", -1)]
    public void Elision(string corpusName, int elision)
    {
        var limits = ScriptLimits.Default with { HistogramElision = elision };
        var sink = new CollectingSink();
        var output = new OutputBuffer(sink);
        var a = NewStats(HistogramShape.Linear(0, 1500, 50));
        var b = NewStats(HistogramShape.Linear(-100, 100, 10));
        var c = NewStats(HistogramShape.Log);

        void Print(StatsValue stats, params long[] samples)
        {
            foreach (long sample in samples)
            {
                stats.Add(1, sample);
            }

            stats.ReadHistogram().Print(output, limits);
            stats.Clear();
        }

        Print(a, 444, 999);
        Print(a, 444, 500);
        Print(a, 0);
        Print(a, 50);
        Print(a, 1450);
        Print(a, 1500);
        Print(b, -10);
        Print(b, 0);
        Print(c, 128);
        Print(c, 0);
        Print(c, -2, -4096);
        AssertMatches(corpusName, sink.Text);
    }

    [Fact]
    public void LinearEmpty()
    {
        var agg = NewStats(HistogramShape.Linear(0, 1500, 50));
        AssertMatches("maps.linear_empty", Printf($"count={agg.Read().Count}\n"));
    }

    [Fact]
    public void LinearNearlyEmpty()
    {
        var agg = NewStats(HistogramShape.Linear(0, 1500, 50), bitShift: 7);
        agg.Add(0, 444);
        agg.Add(0, 999);
        AssertMatches("maps.linear_nearlyempty", Summary(agg, withVariance: true) + agg.ReadHistogram().Render(ScriptLimits.Default));
    }

    [Fact]
    public void LinearOver()
    {
        var agg = NewStats(HistogramShape.Linear(0, 100, 10));
        for (long key = 1000; key < 10000; key++)
        {
            agg.Add(0, key);
        }

        AssertMatches("maps.linear_over", Summary(agg, withVariance: true) + agg.ReadHistogram().Render(ScriptLimits.Default));
    }

    [Fact]
    public void LinearUnder()
    {
        var agg = NewStats(HistogramShape.Linear(1800, 2500, 100));
        for (long key = 0; key < 100; key++)
        {
            agg.Add(0, key);
        }

        AssertMatches("maps.linear_under", Summary(agg, withVariance: true) + agg.ReadHistogram().Render(ScriptLimits.Default));
    }

    [Fact]
    public void LinearLarge()
    {
        var agg = NewStats(HistogramShape.Linear(0, 1_000_000_000, 100_000_000));
        foreach ((long value, int times) in new[] { (10_000_000L, 3), (100_000_000L, 2), (500_000_000L, 5), (1_000_000_000L, 4), (10_000_000_000L, 1) })
        {
            for (int i = 0; i < times; i++)
            {
                agg.Add(0, value);
            }
        }

        AssertMatches("maps.linear_large", Summary(agg, withVariance: false) + agg.ReadHistogram().Render(ScriptLimits.Default));
    }

    [Fact]
    public void Log()
    {
        var foo = NewStats(HistogramShape.Log);
        long val = 1;
        for (int i = 0; i < 63; i++)
        {
            foo.Add(0, val);
            val <<= 1;
        }

        val = 1;
        for (int i = 0; i < 64; i++)
        {
            foo.Add(0, unchecked(-val));
            val <<= 1;
        }

        for (int i = 0; i < 20; i++)
        {
            foo.Add(0, 0);
        }

        AssertMatches("maps.log", foo.ReadHistogram().Render(ScriptLimits.Default));
    }

    [Fact]
    public void IntegerKeyedHistograms()
    {
        var text = new System.Text.StringBuilder();
        for (long i = 1; i < 5; i++)
        {
            var foo = NewStats(HistogramShape.Log);
            for (long j = 0; j < i * 128; j++)
            {
                foo.Add(0, i * j);
            }

            text.Append(foo.ReadHistogram().Render(ScriptLimits.Default));
        }

        AssertMatches("maps.ix_hist", text.ToString());
    }

    [Fact]
    public void PR31740VarianceWithShiftSeven()
    {
        var stats = NewStats(HistogramShape.Log, bitShift: 7);
        stats.Add(0, 1);
        stats.Add(0, 2);
        stats.Add(0, 3);
        AssertMatches("maps.PR31740_1", Printf($"variance = {stats.Read().Variance()}\n"));
    }

    [Fact]
    public void ForeachLimitAggregateSection()
    {
        if (Conformance.ConformanceCorpus.ReadExpectedText("maps.foreach_limit") is not { } expected)
        {
            return;
        }

        var agg = NewStats(HistogramShape.Log);
        foreach (long value in new long[] { 18, 40, 16, 4, 14, 36, 12, 10, 8, 20 })
        {
            for (long factor = 1; factor <= 15; factor++)
            {
                agg.Add(0, value * factor);
            }
        }

        var s = agg.Read();
        var text = new System.Text.StringBuilder("Aggregates:\n");
        text.Append(Printf($"count={s.Count} sum={s.Sum}\nmin={s.Min()} max={s.Max()}\n"));
        text.Append(agg.ReadHistogram().Render(ScriptLimits.Default));
        var histogram = agg.ReadHistogram();
        int iterations = 0;
        for (int bucket = 0; bucket < histogram.BucketCount && iterations < 71; bucket++, iterations++)
        {
            if (agg.Bucket(bucket) != 0)
            {
                text.Append(Printf($"bucket {bucket}: {agg.Bucket(bucket)}\n"));
            }
        }

        text.Append(Printf($"loop had {iterations} iterations\n\nDone.\n"));
        string aggregates = expected[expected.IndexOf("Aggregates:\n", StringComparison.Ordinal)..];
        Assert.Equal(aggregates, text.ToString());
    }

    [Fact]
    public void ForeachValueOverLogBuckets()
    {
        if (Conformance.ConformanceCorpus.ReadExpectedText("base.foreach_value") is not { } expected)
        {
            return;
        }

        // strlen of "one".."five"; then per first letter, keys sorted ascending.
        var stat = NewStats(HistogramShape.Log);
        foreach (string s in new[] { "one", "two", "three", "four", "five" })
        {
            stat.Add(0, s.Length);
        }

        var text = new System.Text.StringBuilder();
        var histogram = stat.ReadHistogram();
        for (int i = 0; i < histogram.BucketCount; i++)
        {
            if (histogram[i] != 0)
            {
                text.Append(Printf($"{histogram[i]} strings in bucket {i}\n"));
            }
        }

        foreach (var group in new[] { "one", "two", "three", "four", "five" }.GroupBy(s => s[0]).OrderBy(g => g.Key))
        {
            var stats = NewStats(HistogramShape.Log);
            foreach (string s in group)
            {
                stats.Add(0, s.Length);
            }

            var buckets = stats.ReadHistogram();
            for (int i = 0; i < buckets.BucketCount; i++)
            {
                if (buckets[i] != 0)
                {
                    text.Append(Printf($"{buckets[i]} strings in [{group.Key}] bucket {i}\n"));
                }
            }
        }

        Assert.EndsWith(text.ToString(), expected, StringComparison.Ordinal);
    }

    private static string Summary(StatsValue agg, bool withVariance)
    {
        var s = agg.Read();
        string text = Printf($"count={s.Count}\nsum={s.Sum}\nmin={s.Min()}\nmax={s.Max()}\navg={s.Avg()}\n");
        return withVariance ? text + Printf($"variance={s.Variance()}\n") : text;
    }
}
