using FlightRec.Compiler.Tests.Cli;
using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>What pass 3 cannot translate yet fails with the construct and its location, never with wrong code.</summary>
public class NotTranslatedTests
{
    [Theory]
    [InlineData("probe begin { println(%{ 1 %}) }", "embedded code at <input>:1:23")]
    public void ReportsTheConstructAndWhereItIs(string script, string what)
    {
        var run = FrstapRun.InProcess("-p3", "-g", "-e", script);
        Assert.Equal($"not translated yet: {what}\nPass 3: translation failed.  [man error::pass3]\n", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal(1, run.ExitCode);
    }
}
