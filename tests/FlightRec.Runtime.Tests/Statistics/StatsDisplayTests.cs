using FlightRec.Runtime.Output;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Statistics;

public sealed class StatsDisplayTests
{
    [Fact]
    public void UnreadStatsGlobalLine()
    {
        var stats = new StatsValue(StatsDescriptor.Plain, slotCount: 1);
        foreach (long v in new long[] { 1, 2, 3, 4 })
        {
            stats.Add(0, v);
        }

        Assert.Equal("epsilon[\"one\",1] @count=4 @min=1 @max=4 @sum=10 @avg=2\n", StatsDisplay.Line("epsilon[\"one\",1]", stats.Read()));
    }

    [Fact]
    public void EmptyStatsGlobalPrintsTheLiteralHexZero()
    {
        var sink = new CollectingSink();
        var output = new OutputBuffer(sink);
        StatsDisplay.Append(output, "s", new StatsValue(StatsDescriptor.Plain, slotCount: 1).Read());
        output.Flush();
        Assert.Equal("s @count=0x0\n", sink.Text);
    }

    [Fact]
    public void NegativeValues()
    {
        var stats = new StatsValue(StatsDescriptor.Plain, slotCount: 1);
        stats.Add(0, -7);
        stats.Add(0, 2);
        Assert.Equal("x @count=2 @min=-7 @max=2 @sum=-5 @avg=-2\n", StatsDisplay.Line("x", stats.Read()));
    }
}
