using FlightRec.Runner.CommandLine;
using FlightRec.Runner.Launch;

namespace FlightRec.Runner.Tests.Launch;

public class LaunchArgumentsTests
{
    [Fact]
    public void APlainLaunchPassesTheAbsoluteModuleAndItsOptions() =>
        Assert.Equal(["--host", "/m/rec.dll", "limit=5", "s=x"], HostArguments(null, "/m/../m/rec.dll", "limit=5", "s=x"));

    [Fact]
    public void ARelativeModuleIsFoundFromTheCurrentDirectory() =>
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "rec.dll"), HostArguments(null, "rec.dll")[1]);

    [Fact]
    public void FlightRecorderLaunchOverwrites() =>
        Assert.Equal(["--host", "/m/rec.dll", "--overwrite"], HostArguments(null, "-L", "/m/rec.dll"));

    [Fact]
    public void EveryHostOptionHasItsWord() =>
        Assert.Equal(
            ["--host", "/m/rec.dll", "--rename", "--overwrite", "--buffer-mb", "64", "--target", "99", "a=1"],
            HostArguments(null, "-R", "--overwrite", "-b", "64", "-x", "99", "/m/rec.dll", "a=1"));

    [Fact]
    public void TheStartedCommandIsTheTarget() =>
        Assert.Equal(["--host", "/m/rec.dll", "--target", "1234", "--stop-with-target"], HostArguments(1234, "-c", "ls", "/m/rec.dll"));

    [Fact]
    public void TheStreamingFrrunAnnouncesItselfAsTheConsumer() =>
        Assert.Equal(
            ["--host", "/m/rec.dll", "--target", "12", "--stop-with-target", "--consumer", "345", "x=1"],
            HostLauncher.HostArguments(Parse("-c", "ls", "/m/rec.dll", "x=1"), 12, 345));

    [Theory]
    [InlineData("ready rec 123", "rec", 123)]
    [InlineData("ready rec_4711 4711", "rec_4711", 4711)]
    public void TheReadyLineNamesTheSessionAndTheHost(string line, string name, int pid) =>
        Assert.Equal(new LaunchedHost(name, pid), HostLauncher.TryParseReady(line));

    [Theory]
    [InlineData("ready rec")]
    [InlineData("ready rec x")]
    [InlineData("ready rec 0")]
    [InlineData("ready  12")]
    [InlineData("ready rec 12 more")]
    [InlineData("rec 12")]
    public void AnythingElseIsNotReady(string line) => Assert.Null(HostLauncher.TryParseReady(line));

    [Fact]
    public void TheBackgroundConsumerAttachesWithTheOutputOptions()
    {
        var options = Parse("-F", "-o", "out-%H", "-S", "2,4", "-w", "-v", "-v", "-T", "50", "-C", "always", "rec.dll");

        Assert.Equal(
            ["--background", "-A", "rec_7", "-o", "/work/dir/out-%H", "-S", "2,4", "-w", "-v", "-v", "-T", "50"],
            BackgroundConsumer.Arguments(options, "rec_7"));
    }

    [Fact]
    public void AMinimalBackgroundConsumerNeedsOnlyItsFile() =>
        Assert.Equal(["--background", "-A", "rec", "-o", "/dev/null"], BackgroundConsumer.Arguments(Parse("-F", "-o", "/dev/null", "-A", "rec"), "rec"));

    private static IReadOnlyList<string> HostArguments(int? target, params string[] args) =>
        HostLauncher.HostArguments(Parse(args), target, consumerPid: null);

    private static FrrunOptions Parse(params string[] args) => FrrunCommandLine.Parse(args, "/work/dir", FrrunRun.Clock).Options!;
}
