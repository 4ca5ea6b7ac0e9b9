using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 5, second half: another, unprivileged user cannot attach to, dump or stop
/// root's module, even when pointed at the same runtime directory: each is refused in one
/// line, exit status 1, and the module records on. Needs root to make the user (on CI, as root, it always runs).
/// </summary>
public sealed class PermissionTests(ITestOutputHelper output)
{
    private const string Name = "seq";

    [Fact]
    public void AnotherUserCannotAttachDumpOrStopTheModule()
    {
        if (!TemporaryUser.CanCreate)
        {
            Assert.False(PublishedFrrun.Required, "CI=true runs as root: the permission scenario must run");
            output.WriteLine("SKIPPED: not root, so no temporary user can be made");
            return;
        }

        using var scenario = ScenarioContext.Begin(output, runtimeDirectoryExists: true);
        if (scenario is null)
        {
            return;
        }

        // The other user may pass through the scenario's directories and run its own copy of
        // frrun; what protects the session is the session's own 0700 directory.
        var traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(scenario.BaseDirectory, traversable);
        File.SetUnixFileMode(scenario.RuntimeDirectory, traversable);
        string frrun = CopyPublishedFrrun(scenario, traversable);

        Assert.Equal(0, scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq)).ExitCode);
        using var user = TemporaryUser.Create();
        foreach (string mode in new[] { "-A", "-D", "-d" })
        {
            var refused = scenario.Finish(scenario.StartProgram("runuser", user.RunUserArguments(frrun, mode, Name)));
            Assert.True(
                refused.ExitCode == 1 && refused.Stderr == ScenarioMessages.PermissionDenied(Name) && refused.Stdout == "",
                $"frrun {mode} {Name} as {user.Name} should be refused with '{ScenarioMessages.PermissionDenied(Name).TrimEnd()}' and exit 1:\n{refused}");
            Assert.True(scenario.IsHostAlive(Name), $"the module stopped after frrun {mode} by another user");
        }

        using var header = scenario.TryOpenHeader(Name);
        Assert.Equal(0, header?.ConsumerPid);
    }

    private static string CopyPublishedFrrun(ScenarioContext scenario, UnixFileMode mode)
    {
        string source = Path.GetDirectoryName(scenario.Frrun)!;
        string target = Path.Combine(scenario.BaseDirectory, "bin");
        foreach (string directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)), mode);
        }

        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }

        return Path.Combine(target, Path.GetFileName(scenario.Frrun));
    }
}
