using FlightRec.Runner.Launch;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runner.Tests.Launch;

public class TargetCommandTests
{
    [Fact]
    public void APlainCommandIsExecutedByTheShellThatStoppedItself() =>
        Assert.Equal(["sh", "-c", "kill -STOP $$; exec ls -l '/tmp dir'"], TargetCommand.ShellArguments("ls -l '/tmp dir'"));

    [Theory]
    [InlineData("ls | wc")]
    [InlineData("a && b")]
    [InlineData("a; b")]
    [InlineData("a > f")]
    [InlineData("(a)")]
    [InlineData("echo `date`")]
    [InlineData("a\nb")]
    public void ACommandWithShellMetacharactersRunsThroughShC(string command) =>
        Assert.Equal(["sh", "-c", "kill -STOP $$; exec /bin/sh -c \"$0\"", command], TargetCommand.ShellArguments(command));

    [Theory]
    [InlineData(0, null)]
    [InlineData(1 << 8, "Child process exited with status 1")]
    [InlineData(127 << 8, "Child process exited with status 127")]
    [InlineData(9, "Child process exited with signal 9 (Killed)")]
    [InlineData(11 | 0x80, "Child process exited with signal 11 (Segmentation fault)")]
    [InlineData(15, "Child process exited with signal 15 (Terminated)")]
    public void AFailedCommandGetsStapiosWarning(int status, string? warning) =>
        Assert.Equal(warning, TargetCommand.FailureWarning(new WaitStatus(status)));

    [Theory]
    [InlineData("true", 0)]
    [InlineData("sh -c 'exit 3'", 3)]
    [InlineData("exit 4; true", 4)]
    [InlineData("no-such-command-anywhere", 127)]
    public void TheCommandWaitsStoppedUntilReleasedAndItsStatusIsKept(string command, int code)
    {
        var target = TargetCommand.Start(command);
        Assert.Null(target.ExitStatus);
        Assert.Equal('T', ProcessState(target.Pid));

        target.Resume();

        Assert.True(target.WaitForExit(10_000));
        Assert.Equal((true, code), (target.ExitStatus!.Value.Exited, target.ExitStatus.Value.ExitCode));
    }

    [Fact]
    public void TheCommandsPidIsTheCommandsOwn()
    {
        var target = TargetCommand.Start("sleep 30");
        target.Resume();
        try
        {
            // After exec the stopped shell has become sleep itself: target() is the traced program.
            Assert.True(SpinWait.SpinUntil(() => Comm(target.Pid) == "sleep", 10_000));
        }
        finally
        {
            _ = ProcessSignals.Send(target.Pid, 9);
        }

        Assert.True(target.WaitForExit(10_000));
        Assert.Equal("Child process exited with signal 9 (Killed)", TargetCommand.FailureWarning(target.ExitStatus!.Value));
    }

    [Fact]
    public void AKilledCommandNeverRuns()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"frrun-never-{Guid.NewGuid():N}");
        var target = TargetCommand.Start($"touch {marker}");

        target.Kill();

        Assert.False(File.Exists(marker));
    }

    private static char ProcessState(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    private static string Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
