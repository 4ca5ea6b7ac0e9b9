using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Output;

namespace FlightRec.Runner.Tests.CommandLine;

public class ParsedOptionsTests
{
    [Fact]
    public void APlainLaunchTakesTheModuleAndItsOptionsInOrder()
    {
        var options = Parse("rec.dll", "limit=5", "name=abc");

        Assert.Equal(FrrunMode.Run, options.Mode);
        Assert.Equal("rec.dll", options.ModulePath);
        Assert.Equal(["limit=5", "name=abc"], options.ModuleOptions);
        Assert.Equal(FrrunOptions.DefaultReaderTimeoutMs, options.ReaderTimeoutMs);
        Assert.Equal(OutputSettings.Stdout, options.Output);
    }

    [Fact]
    public void OptionsMayFollowTheModule()
    {
        var options = Parse("rec.dll", "-v", "limit=5", "-wv");

        Assert.Equal((2, true), (options.Verbosity, options.SuppressWarnings));
        Assert.Equal(["limit=5"], options.ModuleOptions);
    }

    [Fact]
    public void AModuleOptionValueMayBeEmptyOrPunctuated() =>
        Assert.Equal(["s=", "t=a-b.c/d:e", "_X9=-1"], Parse("rec.dll", "s=", "t=a-b.c/d:e", "_X9=-1").ModuleOptions);

    [Theory]
    [InlineData("-A", "Attach")]
    [InlineData("-D", "Dump")]
    [InlineData("-d", "Delete")]
    public void ModesByNameTakeTheName(string option, string mode)
    {
        var options = Parse(option, "rec");

        Assert.Equal((mode, "rec", (string?)null), (options.Mode.ToString(), options.SessionName, options.ModulePath));
    }

    [Fact]
    public void DeletingEverythingIsAStar() => Assert.Equal("*", Parse("-d", "*").SessionName);

    [Theory]
    [InlineData("-l")]
    [InlineData("--list")]
    [InlineData("--li")]
    public void ListTakesNoName(string option) => Assert.Equal(FrrunMode.List, Parse(option).Mode);

    [Fact]
    public void LaunchOptionsAreKept()
    {
        var options = Parse("-L", "-R", "--overwrite", "-b", "16", "-x", "42", "-u", "-T", "50", "-C", "never", "rec.dll");

        Assert.Equal(FrrunMode.LoadOnly, options.Mode);
        Assert.Equal((true, true, 16, 42, 50, ColorMode.Never), (options.Rename, options.Overwrite, options.BufferMegabytes, options.TargetPid, options.ReaderTimeoutMs, options.Color));
    }

    [Fact]
    public void TIsAnotherNameForX() => Assert.Equal(7, Parse("-t", "7", "rec.dll").TargetPid);

    [Fact]
    public void TheLastOfARepeatedOptionWins() =>
        Assert.Equal((2, "b"), (Parse("-b", "1", "-b", "2", "rec.dll").BufferMegabytes, Parse("-A", "a", "-A", "b").SessionName));

    [Fact]
    public void TheOutputFileIsMadeAbsoluteAgainstTheWorkingDirectory()
    {
        Assert.Equal("/work/dir/out-%H", Parse("-o", "out-%H", "rec.dll").Output.FilePattern);
        Assert.Equal("/work/out", Parse("-o", "../out", "rec.dll").Output.FilePattern);
        Assert.Equal("/abs/out", Parse("-o", "/abs/out", "rec.dll").Output.FilePattern);
        Assert.Equal("/dev/null", Parse("-o", "/dev/null", "rec.dll").Output.FilePattern);
    }

    [Theory]
    [InlineData("1", 1L << 20, 0)]
    [InlineData("3,5", 3L << 20, 5)]
    [InlineData("4095,0", 4095L << 20, 0)]
    [InlineData("100000", 100000L << 20, 0)]
    public void RotationIsInMegabytesAndKeepsNFiles(string value, long bytes, int keep) =>
        Assert.Equal(new RotationLimit(bytes, keep), Parse("-o", "out", "-S", value, "rec.dll").Output.Rotation);

    [Fact]
    public void BackgroundNeedsAFileAndIsKept()
    {
        Assert.True(Parse("-F", "-o", "out", "rec.dll").Background);
        Assert.True(Parse("-F", "-o", "out", "-A", "rec").Background);
    }

    [Fact]
    public void ACommandIsKeptAsOneString() => Assert.Equal("ls -l /tmp | wc", Parse("-c", "ls -l /tmp | wc", "rec.dll").TargetCommand);

    private static FrrunOptions Parse(params string[] args)
    {
        var outcome = FrrunCommandLine.Parse(args, "/work/dir", FrrunRun.Clock);
        Assert.Null(outcome.Error);
        return outcome.Options!;
    }
}
