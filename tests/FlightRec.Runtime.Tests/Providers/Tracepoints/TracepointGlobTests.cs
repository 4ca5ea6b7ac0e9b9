using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

public sealed class TracepointGlobTests
{
    [Theory]
    [InlineData("sched_switch", "sched_switch", true)]
    [InlineData("sched_switch", "sched_switc", false)]
    [InlineData("sched_*", "sched_", true)]
    [InlineData("*_switch", "sched_switch", true)]
    [InlineData("s*h*h", "sched_switch", true)]
    [InlineData("s*h*x", "sched_switch", false)]
    [InlineData("**", "", true)]
    [InlineData("?", "", false)]
    [InlineData("sched_?witch", "sched_switch", true)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[!a-c]x", "dx", true)]
    [InlineData("[^a-c]x", "ax", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[!]]x", "]x", false)]
    [InlineData("[[:upper:]_]*", "_x", true)]
    [InlineData("[[:upper:]_]*", "x", false)]
    [InlineData("[abc", "[abc", true)]
    [InlineData("[abc", "a", false)]
    [InlineData("a\\*", "a*", true)]
    [InlineData("a\\*", "ab", false)]
    [InlineData("[\\]]", "]", true)]
    [InlineData("a/b*", "a/bc", true)]
    [InlineData("x[[:digit:]]", "x1", true)]
    [InlineData("sys_[!e]*", "sys_xit", true)]
    public void MatchesAsFnmatchWithoutFlags(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, TracepointGlob.Matches(pattern, text));
    }

    [Theory]
    [InlineData("sched:sched_switch", false)]
    [InlineData("sched:*", true)]
    [InlineData("sched_?", true)]
    [InlineData("[ab]", true)]
    [InlineData("a\\b", true)]
    public void KnowsWhenAPatternNeedsGlobbing(string pattern, bool expected)
    {
        Assert.Equal(expected, TracepointGlob.HasWildcard(pattern));
    }
}
