namespace FlightRec.Conformance;

/// <summary>
/// Runs the real frstap over the shared SystemTap conformance corpus and holds each
/// implemented kind to its floor. Exit codes: 0 floors met, 1 a floor missed (or the corpus
/// is missing under CI), 2 usage or setup error.
/// </summary>
internal static class Program
{
    private const string CorpusVariable = "FLIGHTREC_CONFORMANCE";

    private static async Task<int> Main(string[] args)
    {
        RunnerOptions options;
        try
        {
            options = RunnerOptions.Parse(args);
        }
        catch (FormatException e)
        {
            return SetupError($"{e.Message}\n{RunnerOptions.Usage}");
        }

        if (options.Help)
        {
            Console.WriteLine(RunnerOptions.Usage);
            return 0;
        }

        if (RepositoryLocator.Find() is not string root)
        {
            return SetupError("cannot find the repository root (the folder holding FlightRec.sln)");
        }

        string corpus = Path.GetFullPath(options.Corpus
            ?? NonEmpty(Environment.GetEnvironmentVariable(CorpusVariable))
            ?? Path.Combine(root, "..", "shared", "conformance"));
        if (!Directory.Exists(corpus))
        {
            // Developers without the corpus can still run the whole test script; CI must not skip silently.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"conformance corpus not found at {corpus}; CI=true, so this is a failure");
                return 1;
            }

            Console.WriteLine($"conformance corpus not found at {corpus}; skipping");
            return 0;
        }

        string frstap = options.Frstap is not null ? Path.GetFullPath(options.Frstap) : DefaultFrstap(root);
        if (!File.Exists(frstap))
        {
            return SetupError($"frstap not found at {frstap}; publish it with the README's first command or pass --frstap PATH");
        }

        string floorsPath = Path.Combine(root, "tests", "FlightRec.Conformance", FloorFile.FileName);
        IReadOnlyList<KeyValuePair<string, int>> floors;
        IReadOnlyList<ManifestRow> manifest;
        try
        {
            floors = FloorFile.Read(floorsPath);
            manifest = Manifest.Read(Path.Combine(corpus, Manifest.FileName));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return SetupError(e.Message);
        }

        IReadOnlyList<string> selected = options.Kinds ?? floors.Select(f => f.Key).ToList();
        if (selected.FirstOrDefault(k => !Kinds.Testable.Contains(k)) is string unknown)
        {
            return SetupError($"unknown kind '{unknown}' (kinds: {string.Join(", ", Kinds.Testable)})");
        }

        var rows = manifest.Where(r => selected.Contains(r.Kind)).ToList();
        List<string> kindOrder = manifest.Select(r => r.Kind).Distinct().Where(selected.Contains).ToList();
        CaseResult[] results = await CaseRunner.RunAllAsync(rows, frstap, corpus, options.Jobs);
        var passed = Report.Print(Console.Out, results, kindOrder, options.Verbose);

        if (options.UpdateFloors)
        {
            var raised = FloorPolicy.Raise(floors, passed);
            if (!raised.SequenceEqual(floors))
            {
                FloorFile.Write(floorsPath, raised);
                Console.WriteLine($"floors updated in {floorsPath}");
            }

            floors = raised;
        }

        return FloorPolicy.Check(Console.Out, floors, passed) ? 0 : 1;
    }

    /// <summary>
    /// The frstap users run (published by the README's first command into artifacts/bin),
    /// else a Release or Debug build; the published path is named when none exists.
    /// </summary>
    private static string DefaultFrstap(string root)
    {
        string published = Path.Combine(root, "artifacts", "bin", "frstap");
        string release = Path.Combine(root, "compiler", "frstap", "bin", "Release", "net10.0", "frstap");
        string debug = Path.Combine(root, "compiler", "frstap", "bin", "Debug", "net10.0", "frstap");
        return new[] { published, release, debug }.FirstOrDefault(File.Exists) ?? published;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int SetupError(string message)
    {
        Console.Error.WriteLine($"conformance: {message}");
        return 2;
    }
}
