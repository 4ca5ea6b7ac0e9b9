namespace FlightRec.Compiler.Running;

/// <summary>
/// The frrun that pass 5 starts: $FLIGHTREC_FRRUN when set (as SYSTEMTAP_STAPRUN replaces stap's
/// staprun), else the one installed beside frstap, else the first on PATH. A framework-dependent
/// frrun.dll is started through the dotnet host that runs frstap.
/// </summary>
public sealed record FrrunProgram(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public const string EnvironmentVariable = "FLIGHTREC_FRRUN";

    /// <summary>The command line to show for -v: the program and every argument, quoted where needed.</summary>
    public string Display(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { FileName }.Concat(LeadingArguments).Concat(arguments).Select(Quote));

    public static FrrunProgram? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return ForPath(configured);
        }

        foreach (string candidate in (string[])["frrun", "frrun.dll"])
        {
            string beside = Path.Combine(AppContext.BaseDirectory, candidate);
            if (File.Exists(beside))
            {
                return ForPath(beside);
            }
        }

        string? path = Environment.GetEnvironmentVariable("PATH");
        foreach (string directory in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string onPath = Path.Combine(directory, "frrun");
            if (File.Exists(onPath))
            {
                return ForPath(onPath);
            }
        }

        return null;
    }

    private static FrrunProgram ForPath(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new FrrunProgram(DotnetHost(), [path])
            : new FrrunProgram(path, []);

    // frstap itself runs either as an apphost or under "dotnet frstap.dll"; only the latter names the host.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
