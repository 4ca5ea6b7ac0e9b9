using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tests.Execution;

public sealed class ScriptLimitsTests
{
    [Fact]
    public void DefaultsAreStaps()
    {
        var l = ScriptLimits.Default;
        Assert.Equal(512, l.MaxStringLength);
        Assert.Equal(10_000, l.ActionBudget);
        Assert.Equal(2048, l.MaxMapEntries);
        Assert.Equal(0, l.MaxErrors);
        Assert.Equal(100, l.MaxSkipped);
        Assert.Equal(100, l.MaxTryLock);
        Assert.Equal(10, l.TryLockDelay);
        Assert.Equal(128, l.MaxBuckets);
        Assert.Equal(50, l.HistogramWidth);
        Assert.Equal(2, l.HistogramElision);
        Assert.Equal(500_000_000, l.OverloadThreshold);
    }

    [Fact]
    public void MaxActionAloneScalesTheInterruptibleBudget()
    {
        var l = ScriptLimits.Default.With(["MAXACTION=100"]);
        Assert.Equal(100, l.MaxAction);
        Assert.Equal(1000, l.ActionBudget);
        Assert.Equal(100, l.With(["INTERRUPTIBLE=0"]).ActionBudget);
    }

    [Fact]
    public void ExplicitSettingsWinAndOtherMacrosAreIgnored()
    {
        var l = ScriptLimits.Default.With(["maxaction=100", "MAXACTION_INTERRUPTIBLE=502", "MAXSTRINGLEN=128",
            "HIST_ELISION=-1", "STP_NO_OVERLOAD", "SOME_OTHER_MACRO=7"]);
        Assert.Equal(502, l.ActionBudget);
        Assert.Equal(128, l.MaxStringLength);
        Assert.Equal(-1, l.HistogramElision);
        Assert.True(l.NoOverload);
    }
}
