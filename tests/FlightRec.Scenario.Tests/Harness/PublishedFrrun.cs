namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// The frrun that a user runs: artifacts/bin/frrun under the repository root (the folder with
/// FlightRec.sln), published there by <c>dotnet publish runner/frrun -c Release --ucr -o artifacts/bin</c>
/// before the tests run. Scenario tests skip without it, except on CI, where its absence is a failure.
/// </summary>
internal static class PublishedFrrun
{
    private const string SolutionFile = "FlightRec.sln";

    public static readonly string PublishCommand = "dotnet publish runner/frrun -c Release --ucr -o artifacts/bin";

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? RepositoryRoot => WalkUp(Directory.GetCurrentDirectory()) ?? WalkUp(AppContext.BaseDirectory);

    /// <summary>The published program, or null with the reason.</summary>
    public static string? Find(out string reason)
    {
        if (RepositoryRoot is not { } root)
        {
            reason = $"no {SolutionFile} above {AppContext.BaseDirectory}";
            return null;
        }

        string program = Path.Combine(root, "artifacts", "bin", "frrun");
        string runtime = RuntimeAssemblyBeside(program);
        if (!File.Exists(program) || !File.Exists(runtime))
        {
            reason = $"frrun is not published (run '{PublishCommand}' in the repository root)";
            return null;
        }

        reason = "";
        return program;
    }

    /// <summary>The FlightRec.Runtime.dll that frrun loads modules against.</summary>
    public static string RuntimeAssemblyBeside(string program) =>
        Path.Combine(Path.GetDirectoryName(program)!, "FlightRec.Runtime.dll");

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
