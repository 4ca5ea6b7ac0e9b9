using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;

namespace FlightRec.Benchmarks;

/// <summary>
/// The parse-tapset files of the shared conformance corpus (GPL test data, read in place,
/// never copied into the repository), each with the options its manifest row asks for
/// (-g → guru, --runtime=bpf → bpf runtime and library), and the macro library loaded once
/// per runtime from the corpus's .stpm files, as the conformance runner uses it.
/// </summary>
internal sealed class TapsetCorpus
{
    public const string CorpusVariable = "FLIGHTREC_CONFORMANCE";

    // Fixed facts, so %( kernel_v … %) takes the same branches on every machine.
    private static readonly SystemFacts Facts = new("6.1.0-18-amd64", "x86_64", new Dictionary<string, string>
    {
        ["CONFIG_SMP"] = "y",
    });

    private TapsetCorpus(IReadOnlyList<(SourceFile File, ParseOptions Options)> files)
    {
        Files = files;
        Lines = files.Sum(f => CountLines(f.File.Text));
    }

    public IReadOnlyList<(SourceFile File, ParseOptions Options)> Files { get; }

    /// <summary>Newline-terminated lines, plus a last line without one: what <c>wc -l</c> counts, near enough.</summary>
    public int Lines { get; }

    public static TapsetCorpus Load()
    {
        string corpus = Find() ?? throw new InvalidOperationException(
            $"conformance corpus not found: set {CorpusVariable} or put it at ../shared/conformance beside the repository");
        var libraries = new Dictionary<string, MacroLibrary>(StringComparer.Ordinal);
        foreach (string runtime in new[] { "kernel", "bpf" })
        {
            var options = new ParseOptions { Runtime = runtime, System = Facts };
            libraries[runtime] = MacroLibrary.Load([Path.Combine(corpus, "parse-tapset")], runtime, options, new DiagnosticBag());
        }

        var files = new List<(SourceFile, ParseOptions)>();
        foreach (string line in File.ReadLines(Path.Combine(corpus, "manifest.tsv")).Skip(1))
        {
            string[] f = line.Split('\t');
            if (f.Length < 4 || f[2] != "parse-tapset")
            {
                continue;
            }

            string[] args = f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string runtime = args.Contains("--runtime=bpf") ? "bpf" : "kernel";
            var options = new ParseOptions
            {
                Guru = args.Contains("-g"),
                Runtime = runtime,
                System = Facts,
                Library = libraries[runtime],
            };
            files.Add((SourceFile.Load(Path.Combine(corpus, f[1]), f[1]), options));
        }

        return new TapsetCorpus(files);
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FlightRec.sln")))
                {
                    string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
                    return File.Exists(Path.Combine(candidate, "manifest.tsv")) ? candidate : null;
                }
            }
        }

        return null;
    }

    private static int CountLines(string text)
    {
        int lines = text.Count(c => c == '\n');
        return text.Length > 0 && text[^1] != '\n' ? lines + 1 : lines;
    }
}
