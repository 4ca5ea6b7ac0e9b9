using FlightRec.Runner.CommandLine;

namespace FlightRec.Runner.Tests.CommandLine;

/// <summary>What frrun prints for each command line it refuses: staprun's messages with FlightRec's names.</summary>
public class CommandLineMessagesTests
{
    private static readonly string Usage = UsageText.For("frrun");

    [Fact]
    public void VersionPrintsTheBannerOnStdout() =>
        Assert.Equal(new FrrunRun(0, "FlightRec module loader/runner (version 0.1)\n", ""), FrrunRun.Of("-V"));

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("-vh")]
    public void HelpPrintsTheUsageOnStdout(string arg) =>
        Assert.Equal(new FrrunRun(0, Usage, ""), FrrunRun.Of(arg));

    [Fact]
    public void TheUsageShowsTheSynopsisFirst() =>
        Assert.StartsWith(
            "\nfrrun [-v] [-w] [-V] [-h] [-u] [-c CMD | -x PID] [-L | -A NAME | -D NAME | -d NAME | -l] [-C WHEN]\n"
            + "\t[-b MB] [-R] [--overwrite] [-o FILE [-F] [-S SIZE[,N]]] [-T MS] MODULE.dll [NAME=VALUE ...]\n-v ",
            Usage);

    [Fact]
    public void OptionsAreActedOnInOrder()
    {
        Assert.Equal(0, FrrunRun.Of("-V", "-b", "0").ExitCode);
        Assert.Equal("ERROR: Invalid buffer size '0' (should be 1-4095).\n", FrrunRun.Of("-b", "0", "-V").Stderr);
    }

    [Theory]
    [InlineData("ERROR: Invalid buffer size '0' (should be 1-4095).", "-b", "0", "m.dll")]
    [InlineData("ERROR: Invalid buffer size '4096' (should be 1-4095).", "-b", "4096", "m.dll")]
    [InlineData("ERROR: Invalid buffer size '8x' (should be 1-4095).", "-b8x", "m.dll")]
    [InlineData("ERROR: Invalid buffer size '' (should be 1-4095).", "-b", "", "m.dll")]
    [InlineData("ERROR: Invalid buffer size '99999999999' (should be 1-4095).", "-b", "99999999999", "m.dll")]
    [InlineData("ERROR: Invalid reader timeout value '0' (should be >= 1).", "-T", "0", "m.dll")]
    [InlineData("ERROR: Invalid reader timeout value '-5' (should be >= 1).", "-T", "-5", "m.dll")]
    [InlineData("ERROR: Invalid file size option '0'.", "-o", "f", "-S", "0", "m.dll")]
    [InlineData("ERROR: Invalid file size option '1,x'.", "-o", "f", "-S", "1,x", "m.dll")]
    [InlineData("ERROR: Invalid file size option '1,'.", "-o", "f", "-S", "1,", "m.dll")]
    [InlineData("ERROR: Invalid file size option '1,2,3'.", "-o", "f", "-S", "1,2,3", "m.dll")]
    [InlineData("ERROR: Invalid file size option '-1'.", "-o", "f", "-S", "-1", "m.dll")]
    [InlineData("ERROR: Invalid file size option ' 1'.", "-o", "f", "-S", " 1", "m.dll")]
    [InlineData("ERROR: Invalid option 'sometimes' for -C.", "-C", "sometimes", "m.dll")]
    [InlineData("ERROR: Invalid target process ID number.", "-x", "abc", "m.dll")]
    [InlineData("ERROR: Invalid target process ID number.", "-x", "0", "m.dll")]
    [InlineData("ERROR: Invalid target process ID number.", "-t", "-3", "m.dll")]
    [InlineData("ERROR: Invalid FILE name format", "-o", "out-%Q", "m.dll")]
    [InlineData("ERROR: Invalid FILE name format", "-o", "out-%", "m.dll")]
    [InlineData("ERROR: Empty CMD string invalid.", "-c", " ", "m.dll")]
    [InlineData("ERROR: Need a module name or path to load.")]
    [InlineData("ERROR: Need a module name or path to load.", "-v", "-L")]
    [InlineData("ERROR: You can't specify the '-A' and '-L' options together.", "-L", "-A", "rec")]
    [InlineData("ERROR: You can't specify the '-A' and '-D' options together.", "-D", "rec", "-A", "rec")]
    [InlineData("ERROR: You can't specify the '-A' and '-l' options together.", "-l", "-A", "rec")]
    [InlineData("ERROR: You can't specify the '-D' and '-d' options together.", "-d", "rec", "-D", "rec")]
    [InlineData("ERROR: You can't specify the '-L' and '-l' options together.", "--list", "-L", "m.dll")]
    [InlineData("ERROR: You can't specify the '-A' and '-b' options together.  The '-b'\nbuffer size option only has an effect when the module is inserted.", "-A", "rec", "-b", "4")]
    [InlineData("ERROR: You can't specify the '-A' and '-c' options together.  The '-c cmd'\noption used to start a command only has an effect when the module\nis inserted.", "-A", "rec", "-c", "ls")]
    [InlineData("ERROR: You can't specify the '-A' and '-x' options together.  The '-x pid'\noption only has an effect when the module is inserted.", "-A", "rec", "-x", "1")]
    [InlineData("ERROR: You can't specify the '-c' and '-x' options together.", "-c", "ls", "-x", "1", "m.dll")]
    [InlineData("ERROR: You can't specify the '-D' and '-b' options together.", "-D", "rec", "-b", "4")]
    [InlineData("ERROR: You can't specify the '-d' and '-c' options together.", "-d", "rec", "-c", "ls")]
    [InlineData("ERROR: You can't specify the '-l' and '-x' options together.", "-l", "-x", "1")]
    [InlineData("ERROR: You can't specify the '-L' and '-c' options together.", "-L", "-c", "ls", "m.dll")]
    [InlineData("ERROR: You can't specify the '-F' and '-L' options together.", "-F", "-L", "-o", "f", "m.dll")]
    [InlineData("ERROR: You can't specify the '-F' and '-d' options together.", "-F", "-d", "rec", "-o", "f")]
    [InlineData("ERROR: You can't specify the '-F' and '-D' options together.", "-F", "-D", "rec", "-o", "f")]
    [InlineData("ERROR: You can't specify the '-F' and '-c' options together.", "-F", "-c", "ls", "-o", "f", "m.dll")]
    [InlineData("ERROR: You have to specify output FILE with '-F' option.", "-F", "m.dll")]
    [InlineData("ERROR: You have to specify output FILE with '-S' option.", "-S", "1", "m.dll")]
    [InlineData("ERROR: Cannot have module options with attach (-A).", "-A", "rec", "x=1")]
    [InlineData("ERROR: Cannot have module options with dump (-D).", "-D", "rec", "x=1")]
    [InlineData("ERROR: Cannot have module options with delete (-d).", "-d", "rec", "x=1")]
    [InlineData("ERROR: Cannot have module options with list (-l).", "-l", "rec")]
    public void ARefusedCommandLineGetsStaprunsErrorAndTheUsage(string expected, params string[] args) =>
        Assert.Equal(new FrrunRun(1, Usage, expected + "\n"), FrrunRun.Of(args));

    [Theory]
    [InlineData("frrun: invalid option -- 'q'", "-q", "m.dll")]
    [InlineData("frrun: invalid option -- 'y'", "-vy")]
    [InlineData("frrun: option requires an argument -- 'b'", "m.dll", "-b")]
    [InlineData("frrun: option requires an argument -- 'A'", "-A")]
    [InlineData("frrun: unrecognized option '--bogus'", "--bogus")]
    [InlineData("frrun: option '--overwrite' doesn't allow an argument", "--overwrite=yes", "m.dll")]
    public void AMalformedOptionGetsGetoptsMessageAndTheUsage(string expected, params string[] args) =>
        Assert.Equal(new FrrunRun(1, Usage, expected + "\n"), FrrunRun.Of(args));

    [Theory]
    [InlineData("limit")]
    [InlineData("limit=1 2")]
    [InlineData("limit=a!")]
    [InlineData("=5")]
    [InlineData("1x=5")]
    [InlineData("a-b=5")]
    public void AMalformedModuleOptionIsRefusedInOneLineBeforeAnythingStarts(string option) =>
        Assert.Equal(
            new FrrunRun(1, "", $"ERROR: Invalid module option '{option}' (should be NAME=VALUE, with no spaces or '!' in VALUE).\n"),
            FrrunRun.Of("/nonexistent/m.dll", "ok=1", option));

    [Fact]
    public void AMissingModuleIsRefusedInOneLine() =>
        Assert.Equal(
            new FrrunRun(1, "", "ERROR: Couldn't open module '/nonexistent/m.dll': No such file or directory\n"),
            FrrunRun.Of("/nonexistent/m.dll", "limit=5"));

    [Fact]
    public void ADirectoryIsNotAModule() =>
        Assert.Equal(
            new FrrunRun(1, "", "ERROR: Couldn't open module '/tmp': Is a directory\n"),
            FrrunRun.Of("-L", "/tmp"));
}
