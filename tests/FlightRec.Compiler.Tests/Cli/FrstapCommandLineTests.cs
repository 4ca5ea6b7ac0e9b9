using Xunit;

namespace FlightRec.Compiler.Tests.Cli;

/// <summary>frstap's command line: every misuse gets a short message and exit code 1, never a stack trace.</summary>
public sealed class FrstapCommandLineTests
{
    private const string Usage =
        "Usage: frstap [OPTIONS] FILE [ARGS...] | frstap [OPTIONS] -e SCRIPT [ARGS...]\nTry '--help' for more information.\n";

    [Fact]
    public void NoScriptIsAnError()
    {
        var run = FrstapRun.InProcess();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("A script must be specified.\n" + Usage, run.Stderr);
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("-vv")]
    [InlineData("-v", "-v", "-v")]
    public void VerboseFlagsCountAndCombineWithOtherOptions(params string[] flags)
    {
        var run = FrstapRun.InProcess([.. flags, "-p2", "-e", "probe begin { exit() }"]);
        Assert.Equal((0, "# functions\nexit:unknown ()\n# probes\nbegin /* <- begin */\n"), (run.ExitCode, run.Stdout));
    }

    [Fact]
    public void AVerboseLookingScriptTextIsTheScript()
    {
        var run = FrstapRun.InProcess("-p1", "-e", "-v");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("parse error: expected 'probe'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOptionIsOneLineAndUsage()
    {
        var run = FrstapRun.InProcess("--bogus", "x.frs");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("frstap: unrecognized option '--bogus'\n" + Usage, run.Stderr);
    }

    [Fact]
    public void MissingOptionValueIsReported()
    {
        var run = FrstapRun.InProcess("-p1", "-x");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("frstap: Required argument missing for option: '-x'.\n" + Usage, run.Stderr);
    }

    [Fact]
    public void MissingFileIsReported()
    {
        var run = FrstapRun.InProcess("-p1", "no-such-file.frs");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("frstap: Input file 'no-such-file.frs' can't be opened for reading.\n", run.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    public void PassNumberOutOfRange(string pass)
    {
        var run = FrstapRun.InProcess("-p", pass, "-e", "probe begin {}");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Invalid pass number (should be 1-5).\n", run.Stderr);
    }

    [Fact]
    public void OnlyOneScriptOnTheCommandLine()
    {
        var run = FrstapRun.InProcess("-p1", "-e", "probe begin {}", "-e", "probe end {}");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Only one script can be given on the command line.\n", run.Stderr);
    }

    [Fact]
    public void VersionNamesTheTool()
    {
        var run = FrstapRun.InProcess("-V");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("FlightRec translator/driver (version ", run.Stdout);
    }

    [Fact]
    public void ScriptArgumentsFollowTheScript()
    {
        var run = FrstapRun.InProcess("-p1", "-e", "probe begin { print($1 * 2, @2, $#, @#) }", "1+1", "two");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("probe begin {\n  print(1 + 1 * 2, \"two\", 2, \"2\");\n}\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void BundledShortOptionsWork()
    {
        var run = FrstapRun.InProcess("-gp1", "-e", "probe begin { %{ /* pure */ 1 %} }");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("probe begin {\n  %{ /* pure */ 1 %};\n}\n", run.Stdout);
    }

    [Fact]
    public void InvalidRuntimeIsRejected()
    {
        var run = FrstapRun.InProcess("-p1", "--runtime=dyninst", "-e", "probe begin {}");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("frstap: invalid runtime 'dyninst' (expected kernel or bpf)\n", run.Stderr);
    }

    [Fact]
    public void ParseErrorsEndWithTheSummaryLines()
    {
        var run = FrstapRun.InProcess("-p1", "-e", "probe begin { x = (1 + }");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            """
            parse error: expected ')'
                    saw: operator '+' at <input>:1:22
                 source: probe begin { x = (1 + }
                                              ^

            1 parse error.
            Pass 1: parse failed.  [man error::pass1]

            """.Replace("\r", ""), run.Stderr);
    }
}
