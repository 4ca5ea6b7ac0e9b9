using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class WarningDeduplicatorTests
{
    [Fact]
    public void FormatLine_adds_prefix_and_newline_once()
    {
        Assert.Equal("WARNING: hi\n", WarningDeduplicator.FormatLine("hi"));
        Assert.Equal("WARNING: hi\n", WarningDeduplicator.FormatLine("hi\n"));
    }

    [Fact]
    public void Identical_lines_are_printed_once()
    {
        var dedup = new WarningDeduplicator();
        Assert.True(dedup.Accept("WARNING: a\n", out bool full));
        Assert.False(full);
        Assert.False(dedup.Accept("WARNING: a\n", out _));
        Assert.True(dedup.Accept("WARNING: b\n", out _));
    }

    [Fact]
    public void After_1024_distinct_lines_the_table_is_full()
    {
        var dedup = new WarningDeduplicator();
        for (int i = 0; i < 1024; i++)
        {
            Assert.True(dedup.Accept($"w{i}", out bool full));
            Assert.False(full);
        }

        Assert.False(dedup.Accept("w1023", out _));
        Assert.True(dedup.Accept("new", out bool tableFull));
        Assert.True(tableFull);
        Assert.True(dedup.Accept("new", out tableFull));
        Assert.False(tableFull);
        Assert.True(dedup.Accept("other", out tableFull));
        Assert.False(tableFull);
        Assert.False(dedup.Accept("w0", out _));
    }
}
