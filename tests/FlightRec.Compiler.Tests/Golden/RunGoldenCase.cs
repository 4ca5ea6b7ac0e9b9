using System.Text;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// One end-to-end golden case of tests/golden/run: NAME.frs run by frstap (pass 5) with the
/// options of NAME.args (one per line; a <c>--</c> line puts the lines after it behind the
/// script as its arguments), expected to print exactly NAME.stdout, NAME.stderr (absent when
/// empty) and to exit with NAME.exit (absent when 0).
/// </summary>
internal sealed record RunGoldenCase(string Directory, string Name)
{
    public const string PendingFile = "pending.txt";

    /// <summary>Goldens are bytes: Latin-1 maps each byte to one char and back.</summary>
    public static readonly Encoding Bytes = Encoding.Latin1;

    public static string DefaultDirectory => Path.Combine(GoldenCase.RepositoryRoot, "tests", "golden", "run");

    public string ScriptFile => Name + ".frs";

    public string StdoutPath => Path.Combine(Directory, Name + ".stdout");

    public string StderrPath => Path.Combine(Directory, Name + ".stderr");

    public string ExitPath => Path.Combine(Directory, Name + ".exit");

    /// <summary>frstap's arguments: the options, the script, then the script's arguments.</summary>
    public IReadOnlyList<string> Arguments()
    {
        string argsPath = Path.Combine(Directory, Name + ".args");
        var lines = File.Exists(argsPath)
            ? File.ReadAllLines(argsPath).Where(line => line.Length > 0).ToList()
            : [];
        int separator = lines.IndexOf("--");
        return separator < 0
            ? [.. lines, ScriptFile]
            : [.. lines[..separator], ScriptFile, .. lines[(separator + 1)..]];
    }

    public string ExpectedStdout => Read(StdoutPath) ?? "";

    public string ExpectedStderr => Read(StderrPath) ?? "";

    public int ExpectedExitCode => Read(ExitPath) is { } text ? int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Rewrites the goldens with what the run printed (FLIGHTREC_UPDATE_GOLDEN=1); review the diff.</summary>
    public void Rewrite(int exitCode, string stdout, string stderr)
    {
        File.WriteAllBytes(StdoutPath, Bytes.GetBytes(stdout));
        WriteOrDelete(StderrPath, stderr);
        WriteOrDelete(ExitPath, exitCode == 0 ? "" : exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
    }

    /// <summary>Cases that are known to fail until a feature lands: NAME, a tab, the reason.</summary>
    public static IReadOnlyDictionary<string, string> Pending(string directory)
    {
        string path = Path.Combine(directory, PendingFile);
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);
    }

    private static string? Read(string path) => File.Exists(path) ? Bytes.GetString(File.ReadAllBytes(path)) : null;

    private static void WriteOrDelete(string path, string text)
    {
        if (text.Length == 0)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllBytes(path, Bytes.GetBytes(text));
        }
    }
}
