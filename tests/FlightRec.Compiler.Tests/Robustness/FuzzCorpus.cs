using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Parsing.Generated;
using FlightRec.Compiler.Tests.Preprocessing;
using FlightRec.Conformance;

namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>
/// The files the fuzz test mutates, read at run time: the parse-ok, parse-ko and parse-tapset
/// files of the shared conformance corpus (GPL test data that must never be copied into the
/// repository) plus the repository's own examples and golden scripts, and the tapset macro
/// library built once per runtime from the corpus's .stpm files.
/// </summary>
internal sealed class FuzzCorpus
{
    public const string CorpusVariable = "FLIGHTREC_CONFORMANCE";

    private static readonly string[] CorpusFolders = ["parse-ok", "parse-ko", "parse-tapset"];

    private FuzzCorpus(IReadOnlyList<FuzzInput> inputs, IReadOnlyList<string> vocabulary,
        IReadOnlyDictionary<string, MacroLibrary> libraries)
    {
        Inputs = inputs;
        Vocabulary = vocabulary;
        Libraries = libraries;
    }

    public IReadOnlyList<FuzzInput> Inputs { get; }

    /// <summary>Token texts to insert: hand-picked troublemakers first, then every distinct corpus token.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The macro library for each runtime ("kernel", "bpf").</summary>
    public IReadOnlyDictionary<string, MacroLibrary> Libraries { get; }

    /// <summary>Tokens chosen because they open or close something, or switch the lexer or preprocessor.</summary>
    public static readonly string[] SpecialTokens =
    [
        "%(", "%?", "%:", "%)", "%{", "%}", "@define", "$1", "@1", "$#", "@#", "\"", "{", "}", "(", ")", "[", "]",
        ";", ",", "probe", "function", "global", "private", "if", "else", "foreach", "in", "@foo", "kernel_v",
        "arch", "CONFIG_SMP", ">=", "\"2.6\"", "=", "+=", "<<<", "?", ":", "->", "$", "@", "#", "/*", "//", "*/",
        "99999999999999999999999", "-", "!", "~", "++", "%", ".", "*", "&", "try", "catch", "delete", "next",
        "return", "string", "long", "@cast", "@entry", "@defined", "@var", "@const", "@choose_defined", "@__private30",
        "$var", "$$vars", "@perf", "%m", "<", ">",
    ];

    public static string? FindCorpus()
    {
        string? candidate = Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : RepositoryLocator.Find() is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance")) : null;
        return candidate is not null && File.Exists(Path.Combine(candidate, Manifest.FileName)) ? candidate : null;
    }

    public static FuzzCorpus Load(string corpus)
    {
        var runtimes = Manifest.Read(Path.Combine(corpus, Manifest.FileName))
            .ToDictionary(r => r.Path, r => r.Args.Contains("--runtime=bpf", StringComparison.Ordinal) ? "bpf" : "kernel");
        var files = new List<(string Path, string Name, string Runtime)>();
        foreach (string folder in CorpusFolders)
        {
            foreach (string path in SortedFiles(Path.Combine(corpus, folder), "*.stp*"))
            {
                string relative = Path.GetRelativePath(corpus, path).Replace('\\', '/');
                files.Add((path, relative, runtimes.GetValueOrDefault(relative, "kernel")));
            }
        }

        if (RepositoryLocator.Find() is { } root)
        {
            foreach (string folder in new[] { "examples", Path.Combine("tests", "golden") })
            {
                foreach (string path in SortedFiles(Path.Combine(root, folder), "*.frs"))
                {
                    files.Add((path, Path.GetRelativePath(root, path).Replace('\\', '/'), "kernel"));
                }
            }
        }

        var inputs = files.Select(f => Split(f.Name, f.Runtime, File.ReadAllText(f.Path, SourceFile.Latin1))).ToList();
        var vocabulary = new List<string>(SpecialTokens);
        var seen = new HashSet<string>(SpecialTokens, StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            vocabulary.AddRange(input.Tokens.Select(t => t.Text).Where(seen.Add));
        }

        var libraries = new Dictionary<string, MacroLibrary>(StringComparer.Ordinal);
        foreach (string runtime in new[] { "kernel", "bpf" })
        {
            libraries[runtime] = MacroLibrary.Load([Path.Combine(corpus, "parse-tapset")], runtime,
                PreprocessorHarness.Options(runtime: runtime), new DiagnosticBag());
        }

        return new FuzzCorpus(inputs, vocabulary, libraries);
    }

    public ParseOptions OptionsFor(FuzzInput input, bool guru) =>
        PreprocessorHarness.Options(guru: guru, runtime: input.Runtime, library: Libraries[input.Runtime]);

    private static IEnumerable<string> SortedFiles(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];

    // Token text is taken from the file, not from the token, so $1 and @1 stay as written.
    private static FuzzInput Split(string name, string runtime, string text)
    {
        var tokens = new List<(string, string)>();
        int previousEnd = 0;
        foreach (var token in TokenReader.Read(new SourceFile(name, text), []))
        {
            if (token.Type == FrsLexer.Eof || token.StartIndex < previousEnd || token.StopIndex < token.StartIndex)
            {
                continue;
            }

            tokens.Add((text[previousEnd..token.StartIndex], text[token.StartIndex..(token.StopIndex + 1)]));
            previousEnd = token.StopIndex + 1;
        }

        return new FuzzInput(name, runtime, [.. tokens], text[previousEnd..]);
    }
}
