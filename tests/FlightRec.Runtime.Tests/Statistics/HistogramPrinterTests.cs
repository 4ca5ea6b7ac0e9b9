using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Statistics;

/// <summary>The table layout of LANGUAGE.md §7.3, with its worked examples byte for byte.</summary>
public sealed class HistogramPrinterTests
{
    private const string Header = "value |-------------------------------------------------- count\n";

    private static readonly ScriptLimits Limits = ScriptLimits.Default;

    private static StatsValue Stats(HistogramShape shape, params long[] samples)
    {
        var stats = new StatsValue(new StatsDescriptor(shape), slotCount: 1);
        foreach (long sample in samples)
        {
            stats.Add(0, sample);
        }

        return stats;
    }

    private static string Render(StatsValue stats, ScriptLimits? limits = null) => stats.ReadHistogram().Render(limits ?? Limits);

    private static string Spaces(int n) => new(' ', n);

    private static string Bars(int n) => new('@', n);

    [Fact]
    public void LinearOverUnderWorkedExample()
    {
        var stats = Stats(HistogramShape.Linear(250, 1000, 50));
        for (long key = 0; key < 100; key++)
        {
            foreach (long factor in new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15 })
            {
                stats.Add(0, key * factor);
            }
        }

        const string expected =
            "value |-------------------------------------------------- count\n" +
            " <250 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@   680\n" +
            "  250 |@@@@@@                                              94\n" +
            "  300 |@@@@@                                               79\n" +
            "  350 |@@@@@                                               79\n" +
            "  400 |@@@@                                                65\n" +
            "  450 |@@@@                                                67\n" +
            "  500 |@@@                                                 55\n" +
            "  550 |@@@                                                 54\n" +
            "  600 |@@@                                                 51\n" +
            "  650 |@@@                                                 45\n" +
            "  700 |@@                                                  41\n" +
            "  750 |@@                                                  40\n" +
            "  800 |@@                                                  34\n" +
            "  850 |@@                                                  33\n" +
            "  900 |@@                                                  31\n" +
            "  950 |@                                                   27\n" +
            " 1000 |@                                                   23\n" +
            ">1000 |@@@@@@@                                            102\n" +
            "\n";
        Assert.Equal(1600, stats.Read().Count);
        Assert.Equal(expected, Render(stats));
    }

    [Fact]
    public void ElisionWorkedExampleWithTheDefaultElision()
    {
        const string linear =
            "value |-------------------------------------------------- count\n" +
            "  300 |                                                   0\n" +
            "  350 |                                                   0\n" +
            "  400 |@                                                  1\n" +
            "  450 |                                                   0\n" +
            "  500 |                                                   0\n" +
            "      ~\n" +
            "  850 |                                                   0\n" +
            "  900 |                                                   0\n" +
            "  950 |@                                                  1\n" +
            " 1000 |                                                   0\n" +
            " 1050 |                                                   0\n" +
            "\n";
        const string log =
            " value |-------------------------------------------------- count\n" +
            "-16384 |                                                   0\n" +
            " -8192 |                                                   0\n" +
            " -4096 |@                                                  1\n" +
            " -2048 |                                                   0\n" +
            " -1024 |                                                   0\n" +
            "       ~\n" +
            "    -8 |                                                   0\n" +
            "    -4 |                                                   0\n" +
            "    -2 |@                                                  1\n" +
            "    -1 |                                                   0\n" +
            "     0 |                                                   0\n" +
            "\n";
        Assert.Equal(linear, Render(Stats(HistogramShape.Linear(0, 1500, 50), 444, 999)));
        Assert.Equal(log, Render(Stats(HistogramShape.Log, -2, -4096)));
    }

    [Fact]
    public void ElisionZeroRemovesEveryEmptyRow()
    {
        const string expected =
            "value |-------------------------------------------------- count\n" +
            "      ~\n" +
            "  400 |@                                                  1\n" +
            "      ~\n" +
            "  950 |@                                                  1\n" +
            "\n";
        Assert.Equal(expected, Render(Stats(HistogramShape.Linear(0, 1500, 50), 444, 999), Limits with { HistogramElision = 0 }));
    }

    [Fact]
    public void NegativeElisionKeepsEveryRow()
    {
        string table = Render(Stats(HistogramShape.Linear(0, 1500, 50), 444, 999), Limits with { HistogramElision = -1 });
        Assert.DoesNotContain("~", table);
        Assert.Equal(1 + 16 + 1, table.Split('\n').Length - 1); // header, 300…1050, final empty line
    }

    [Fact]
    public void SingleBucketSprintWorkedExample()
    {
        var stats = Stats(HistogramShape.Linear(0, 0, 1), [.. Enumerable.Repeat(0L, 128)]);
        string expected = Header + "    0 |" + Bars(42) + "         128\n\n";
        Assert.Equal(expected, stats.ReadHistogram().ToScriptString(Limits));
    }

    [Fact]
    public void LogOfASingleValue()
    {
        string row(string label, int bars, long count) => label + " |" + Bars(bars) + Spaces(51 - bars) + count + "\n";
        Assert.Equal(
            Header + row("   32", 0, 0) + row("   64", 0, 0) + row("  128", 1, 1) + row("  256", 0, 0) + row("  512", 0, 0) + "\n",
            Render(Stats(HistogramShape.Log, 128)));
        Assert.Equal(Header + row("    0", 1, 1) + row("    1", 0, 0) + row("    2", 0, 0) + "\n", Render(Stats(HistogramShape.Log, 0)));
    }

    [Fact]
    public void LogOfOnlyNegativeOneWidensBelowButStopsAtZeroAbove()
    {
        string expected = Header +
            "   -4 |" + Spaces(51) + "0\n" +
            "   -2 |" + Spaces(51) + "0\n" +
            "   -1 |@" + Spaces(50) + "1\n" +
            "    0 |" + Spaces(51) + "0\n" +
            "    1 |" + Spaces(51) + "0\n" +
            "\n";
        Assert.Equal(expected, Render(Stats(HistogramShape.Log, -1)));
    }

    [Fact]
    public void LogOfTheExtremesUsesTwentyCharacterLabels()
    {
        string table = Render(Stats(HistogramShape.Log, long.MinValue, long.MaxValue), Limits with { HistogramElision = -1 });
        string[] lines = table.Split('\n');
        Assert.Equal(Spaces(15) + Header, lines[0] + "\n");
        Assert.Equal("-9223372036854775808 |@" + Spaces(50) + "1", lines[1]);
        Assert.Equal(" 4611686018427387904 |@" + Spaces(50) + "1", lines[^3]);
        Assert.Equal(131, lines.Length); // header, 128 rows, the empty line, "" after the last newline
    }

    [Fact]
    public void HugeCountsAreScaledToTheWidth()
    {
        var stats = new StatsValue(new StatsDescriptor(HistogramShape.Linear(0, 10, 1)), slotCount: 2);
        for (int i = 0; i < 1_000_000; i++)
        {
            stats.Add(i & 1, 5);
        }

        for (int i = 0; i < 20_000; i++)
        {
            stats.Add(1, 6);
        }

        // valmax 1000000 → scale 20000, 7 count digits; labels 3…8 (buckets 4…9).
        string expected = Header +
            "    3 |" + Spaces(57) + "0\n" +
            "    4 |" + Spaces(57) + "0\n" +
            "    5 |" + Bars(50) + " 1000000\n" +
            "    6 |@" + Spaces(52) + "20000\n" +
            "    7 |" + Spaces(57) + "0\n" +
            "    8 |" + Spaces(57) + "0\n" +
            "\n";
        Assert.Equal(expected, Render(stats));
    }

    [Fact]
    public void ScaleRoundsUp()
    {
        // 51 samples → scale 2: 25 bars for 51, 0 bars for 1.
        var stats = Stats(HistogramShape.Log, [.. Enumerable.Repeat(1L, 51), 2]);
        string expected = Header +
            "    0 |" + Spaces(52) + "0\n" +
            "    1 |" + Bars(25) + Spaces(26) + "51\n" +
            "    2 |" + Spaces(52) + "1\n" +
            "    4 |" + Spaces(52) + "0\n" +
            "    8 |" + Spaces(52) + "0\n" +
            "\n";
        Assert.Equal(expected, Render(stats));
    }

    [Fact]
    public void NegativeLinearRangeWithUnderflow()
    {
        // The value column is sized from "<-50" (4) and the label after the high bucket: 5.
        string expected = Header +
            " <-50 |@" + Spaces(50) + "1\n" +
            "  -50 |" + Spaces(51) + "0\n" +
            "  -40 |" + Spaces(51) + "0\n" +
            "      ~\n" +
            "  -10 |" + Spaces(51) + "0\n" +
            "    0 |" + Spaces(51) + "0\n" +
            "   10 |@" + Spaces(50) + "1\n" +
            "   20 |" + Spaces(51) + "0\n" +
            "   30 |" + Spaces(51) + "0\n" +
            "\n";
        Assert.Equal(expected, Render(Stats(HistogramShape.Linear(-50, 50, 10), -1000, 15)));
    }

    [Fact]
    public void OverflowOnlyKeepsTwoRegularRowsAbove()
    {
        string expected = Header +
            "   90 |" + Spaces(51) + "0\n" +
            "  100 |" + Spaces(51) + "0\n" +
            " >100 |@@" + Spaces(49) + "2\n" +
            "\n";
        Assert.Equal(expected, Render(Stats(HistogramShape.Linear(0, 100, 10), 5000, 200)));
    }

    [Fact]
    public void CustomWidth()
    {
        var limits = Limits with { HistogramWidth = 10 };
        string expected =
            "value |---------- count\n" +
            "    0 |" + Spaces(12) + "0\n" +
            "    1 |@@@@@@@@@@ 20\n" +
            "    2 |@@@@@" + Spaces(6) + "10\n" +
            "    4 |" + Spaces(12) + "0\n" +
            "    8 |" + Spaces(12) + "0\n" +
            "\n";
        Assert.Equal(expected, Render(Stats(HistogramShape.Log, [.. Enumerable.Repeat(1L, 20), .. Enumerable.Repeat(3L, 10)]), limits));
    }

    [Theory]
    [InlineData(HistogramKind.Linear)]
    [InlineData(HistogramKind.Log)]
    public void PrintingAnEmptyValueIsEmptyAggregateAndPrintsNothing(HistogramKind kind)
    {
        var shape = kind == HistogramKind.Log ? HistogramShape.Log : HistogramShape.Linear(0, 100, 10);
        var snapshot = Stats(shape).ReadHistogram();
        var sink = new CollectingSink();
        var output = new OutputBuffer(sink);
        output.Append("before\n");
        var error = Assert.Throws<ScriptError>(() => snapshot.Print(output, Limits, "identifier 'print' at t.frs:4:2"));
        Assert.Equal("ERROR: empty aggregate near identifier 'print' at t.frs:4:2", error.Report);
        Assert.Equal("before\n", System.Text.Encoding.Latin1.GetString(output.Pending));
        Assert.Empty(sink.Commits);
        Assert.Equal("empty aggregate", Assert.Throws<ScriptError>(() => snapshot.ToScriptString(Limits)).Message);
    }

    [Fact]
    public void PrintAppendsToTheHandlerOutputAndFlushes()
    {
        var sink = new CollectingSink();
        var output = new OutputBuffer(sink);
        output.Append("x=1\n");
        Stats(HistogramShape.Log, 0).ReadHistogram().Print(output, Limits);
        Assert.Equal(0, output.Length);
        Assert.Equal(["x=1\n" + Render(Stats(HistogramShape.Log, 0))], sink.Commits);
    }

    [Fact]
    public void ATableLargerThanTheBufferIsCommittedInPiecesWithNothingLost()
    {
        var stats = Stats(HistogramShape.Log, [.. Enumerable.Range(0, 63).Select(i => 1L << i), .. Enumerable.Range(0, 64).Select(i => -(1L << i))]);
        var sink = new CollectingSink();
        var output = new OutputBuffer(sink, capacity: 1024);
        stats.ReadHistogram().Print(output, Limits);
        Assert.True(sink.Commits.Count > 1);
        Assert.Equal(Render(stats), sink.Text);
    }

    [Fact]
    public void SprintTruncatesToMaxStringLengthMinusOne()
    {
        var stats = Stats(HistogramShape.Log, 1, 1000, 1_000_000);
        string full = Render(stats);
        Assert.True(full.Length > 511);
        Assert.Equal(full[..511], stats.ReadHistogram().ToScriptString(Limits));
        Assert.Equal(full[..127], stats.ReadHistogram().ToScriptString(Limits with { MaxStringLength = 128 }));
    }
}
