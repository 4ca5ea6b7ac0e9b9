using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// Locates the shared SystemTap conformance corpus (GPL test data, read in place and never
/// copied into this repository): FLIGHTREC_CONFORMANCE, else ../shared/conformance beside the
/// repository root. Without it the tests log and pass, except on CI (CI=true), where they fail.
/// </summary>
internal static class ConformanceCorpus
{
    /// <summary>The bytes of run/NAME.expected, or null when the corpus is absent (not on CI).</summary>
    public static byte[]? ReadExpected(string name, ITestOutputHelper log)
    {
        if (ExpectedPath(name) is not { } path)
        {
            log.WriteLine($"conformance corpus not found; {name} not checked");
            return null;
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>The text of run/NAME.expected, or null when the corpus is absent (not on CI).</summary>
    public static string? ReadExpectedText(string name) => ExpectedPath(name) is { } path ? File.ReadAllText(path) : null;

    // The path of run/NAME.expected; null when the corpus is absent, which fails on CI.
    private static string? ExpectedPath(string name)
    {
        string? corpus = Find();
        if (corpus is null)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "conformance corpus not found (set FLIGHTREC_CONFORMANCE or put it at ../shared/conformance)");
            return null;
        }

        return Path.Combine(corpus, "run", name + ".expected");
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("FLIGHTREC_CONFORMANCE") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "..", "shared", "conformance");
            if (File.Exists(Path.Combine(candidate, "manifest.tsv")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
