namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// Runs the published frstap as a <see cref="TemporaryUser"/>: a copy of the binaries the user
/// may read and run, the scenario's directories traversable, and a sticky world-writable
/// directory for its cache, temporary files and session root (the scenario's are root's).
/// </summary>
internal sealed class UnprivilegedRun
{
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit;

    private readonly ScenarioContext _scenario;
    private readonly string _frstap;
    private readonly string _home;

    public UnprivilegedRun(ScenarioContext scenario)
    {
        _scenario = scenario;
        File.SetUnixFileMode(scenario.BaseDirectory, Traversable);
        File.SetUnixFileMode(scenario.WorkDirectory, Traversable);
        _frstap = CopyBinaries(Path.GetDirectoryName(scenario.Frrun)!, Path.Combine(scenario.BaseDirectory, "bin"), scenario.Frstap);
        _home = Path.Combine(scenario.BaseDirectory, "user");
        Directory.CreateDirectory(_home);
        File.SetUnixFileMode(_home, Shared);
    }

    /// <summary>frstap -e <paramref name="script"/> as <paramref name="user"/>.</summary>
    public FrrunResult Frstap(TemporaryUser user, string script) =>
        _scenario.Finish(_scenario.StartProgram("runuser", user.RunUserArguments("/usr/bin/env",
            $"FLIGHTREC_RUNTIME_DIR={_home}/run", $"XDG_CACHE_HOME={_home}/cache", $"TMPDIR={_home}", _frstap, "-e", script)));

    private static string CopyBinaries(string source, string target, string frstap)
    {
        foreach (string directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)), Traversable);
        }

        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(file) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        return Path.Combine(target, Path.GetFileName(frstap));
    }
}
