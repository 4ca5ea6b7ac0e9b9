using System.Text;
using FlightRec.Conformance;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// One golden script: NAME.frs, whose optional first line <c># frstap: OPTIONS -- ARGS</c>
/// gives the options put before the file name and the script arguments put after it.
/// </summary>
internal sealed record GoldenCase(string Directory, string Name, IReadOnlyList<string> Options, IReadOnlyList<string> ScriptArguments)
{
    private const string HeaderPrefix = "# frstap:";

    public string FileName => Name + ".frs";

    public string ScriptPath => Path.Combine(Directory, FileName);

    public string GoldenPath => Path.Combine(Directory, Name + ".out");

    /// <summary>The p1 cases, found from the repository root, in name order.</summary>
    public static string P1Directory => Path.Combine(RepositoryRoot, "tests", "golden", "p1");

    /// <summary>The p2 cases: semantic errors and -p2 listings.</summary>
    public static string P2Directory => Path.Combine(RepositoryRoot, "tests", "golden", "p2");

    /// <summary>The pass the case stops after (-pN).</summary>
    public int Pass { get; init; } = 1;

    /// <summary>The repository's own tapset folder, so results do not depend on the installation.</summary>
    public static string RepositoryTapset => Path.Combine(RepositoryRoot, "tapset");

    public static string RepositoryRoot =>
        RepositoryLocator.Find() ?? throw new InvalidOperationException("FlightRec.sln not found above the test directory");

    public static IEnumerable<string> Names(string directory) =>
        System.IO.Directory.GetFiles(directory, "*.frs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static GoldenCase Load(string directory, string name)
    {
        string firstLine = File.ReadLines(Path.Combine(directory, name + ".frs")).FirstOrDefault() ?? "";
        if (!firstLine.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            return new GoldenCase(directory, name, [], []);
        }

        var words = ShellWords.Split(firstLine[HeaderPrefix.Length..]).ToList();
        int separator = words.IndexOf("--");
        return separator < 0
            ? new GoldenCase(directory, name, words, [])
            : new GoldenCase(directory, name, words[..separator], words[(separator + 1)..]);
    }

    /// <summary>frstap's arguments for the case's pass, with the script named relative to its folder.</summary>
    public IReadOnlyList<string> Arguments(string scriptFile) => [$"-p{Pass}", .. Options, scriptFile, .. ScriptArguments];

    /// <summary>What the user sees: the command, the exit code, then both streams verbatim.</summary>
    public string Render(FrstapOutcome outcome)
    {
        var text = new StringBuilder();
        text.Append("$ frstap ").AppendJoin(' ', Arguments(FileName).Select(Quote)).Append('\n');
        text.Append("exit: ").Append(outcome.ExitCode).Append('\n');
        AppendStream(text, "stdout", outcome.Stdout);
        AppendStream(text, "stderr", outcome.Stderr);
        return text.ToString();
    }

    private static void AppendStream(StringBuilder text, string name, string content)
    {
        text.Append("--- ").Append(name).Append('\n').Append(content);
        if (content.Length > 0 && content[^1] != '\n')
        {
            text.Append("\n\\ no newline at end of ").Append(name).Append('\n');
        }
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+%@".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
