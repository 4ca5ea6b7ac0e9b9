using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 5, first half: one consumer at a time. A second frrun -A is refused in one line
/// that names the attached consumer, and the first goes on undisturbed (a dump meanwhile takes
/// nothing from it either). The session is
/// private: its directories are 0700, its files 0600.
/// </summary>
public sealed class ExclusivityTests(ITestOutputHelper output)
{
    private const string Name = "seq";
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void ASecondConsumerIsRefusedWithTheFirstOnesPid()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(0, scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq)).ExitCode);
        string first = scenario.WorkFile("first.out");
        var attached = scenario.Start("-A", Name, "-o", first);
        scenario.WaitForConsumer(Name, attached);

        var refused = scenario.Run("-A", Name);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.Stdout);
        Assert.Equal(ScenarioMessages.Busy(Name, attached.Pid), refused.Stderr);

        // A dump meanwhile is no consumer: it shows everything retained and takes nothing away.
        var dump = scenario.Run("-D", Name);
        Assert.Equal(0, dump.ExitCode);
        Assert.Equal("", dump.Stderr);
        int dumped = SequenceAssert.OneToN(dump.Stdout, "the dump while a consumer is attached");

        Assert.False(attached.HasExited, "the attached consumer ended when a second one tried to attach");
        using (var header = scenario.TryOpenHeader(Name))
        {
            Assert.Equal(attached.Pid, header?.ConsumerPid);
        }

        attached.Signal(FrrunProcess.SigInt);
        var stopped = scenario.Finish(attached);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("", stopped.Stderr);
        int received = SequenceAssert.OneToN(File.ReadAllText(first), "the attached consumer's output");
        Assert.True(received >= dumped, $"the consumer received 1..{received}, less than the dump showed (1..{dumped})");
    }

    [Fact]
    public void ASecondLoadOfTheSameNameIsRefusedWithTheFirstHostsPid()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(0, scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq)).ExitCode);
        int host = scenario.HostPid(Name);

        var refused = scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq));
        Assert.Equal(new FrrunResult(1, "", $"ERROR: module {Name} is already loaded (host pid {host})\n"), refused);
        Assert.Equal(host, scenario.HostPid(Name));
        Assert.True(scenario.IsHostAlive(Name), "the first host stopped when a second load was refused");
    }

    [Fact]
    public void SessionDirectoriesAreOwnerOnlyAndItsFilesPrivate()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(0, scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq)).ExitCode);
        var session = scenario.Session(Name);
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(scenario.RuntimeDirectory));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(session.Directory));
        var entries = Directory.GetFileSystemEntries(session.Directory).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(session.HeaderPath, entries);
        Assert.Contains(session.MessagesPath, entries);
        Assert.Contains(session.RingPath(0), entries);
        Assert.Contains(session.ControlSocketPath, entries);
        Assert.All(entries, path => Assert.True(
            (File.GetUnixFileMode(path) & ~OwnerOnlyFile) == 0,
            $"{Path.GetFileName(path)} has mode {File.GetUnixFileMode(path)}; only its owner may read or write it"));
        Assert.All(entries.Where(p => p != session.ControlSocketPath), path => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path)));

        var stopped = scenario.Run("-d", Name);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("", stopped.Stderr);
        ScenarioContext.WaitUntil(() => scenario.SessionNames().Count == 0, TimeSpan.FromSeconds(10), () => "frrun -d to remove the session");
    }
}
