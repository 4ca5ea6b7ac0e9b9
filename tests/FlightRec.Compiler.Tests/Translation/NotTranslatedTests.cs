using FlightRec.Compiler.Tests.Cli;
using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>What pass 3 cannot translate yet fails with the construct and its location, never with wrong code.</summary>
public class NotTranslatedTests
{
    [Theory]
    [InlineData("global a probe begin { a[1,2] = 1; delete a[1,*] }", "an array slice (*) at <input>:1:43")]
    [InlineData("probe begin { if (\"x\" =~ \"y\") exit() }", "a regular expression match at <input>:1:19")]
    [InlineData("global s probe begin { s <<< 1; println(@variance(s, 2)) }", "@variance with a bit shift at <input>:1:41")]
    public void ReportsTheConstructAndWhereItIs(string script, string what)
    {
        var run = FrstapRun.InProcess("-p3", "-e", script);
        Assert.Equal($"not translated yet: {what}\nPass 3: translation failed.  [man error::pass3]\n", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal(1, run.ExitCode);
    }
}
