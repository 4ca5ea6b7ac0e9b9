using FlightRec.Conformance;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// One script of tests/golden/p2-stap: NAME.frs, whose first line <c># stap-args: OPTIONS [-- ARGS]</c>
/// says how SystemTap was run to produce NAME.stap-p2 (see regenerate.sh there).
/// </summary>
internal sealed record StapCase(string Name, IReadOnlyList<string> Options, IReadOnlyList<string> ScriptArguments)
{
    private const string HeaderPrefix = "# stap-args:";

    public static string Directory => Path.Combine(GoldenCase.RepositoryRoot, "tests", "golden", "p2-stap");

    public string FileName => Name + ".frs";

    public string ExpectedPath => Path.Combine(Directory, Name + ".stap-p2");

    public static IEnumerable<string> Names() => GoldenCase.Names(Directory);

    public static StapCase Load(string name)
    {
        string firstLine = File.ReadLines(Path.Combine(Directory, name + ".frs")).FirstOrDefault() ?? "";
        if (!firstLine.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}.frs: first line must be '{HeaderPrefix} ...'");
        }

        var words = ShellWords.Split(firstLine[HeaderPrefix.Length..]).ToList();
        int separator = words.IndexOf("--");
        return separator < 0
            ? new StapCase(name, words, [])
            : new StapCase(name, words[..separator], words[(separator + 1)..]);
    }

    /// <summary>frstap's arguments for pass <paramref name="pass"/>, in the order stap was given them.</summary>
    public IReadOnlyList<string> Arguments(int pass) => [$"-p{pass}", .. Options, FileName, .. ScriptArguments];

    public FrstapOutcome Run(int pass) => InProcessFrstap.Run(Arguments(pass), Directory, GoldenCase.RepositoryTapset);
}
