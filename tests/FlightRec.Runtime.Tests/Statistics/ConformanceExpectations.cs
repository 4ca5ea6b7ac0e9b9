namespace FlightRec.Runtime.Tests.Statistics;

/// <summary>
/// Reads expected outputs of the shared SystemTap conformance corpus in place (GPL test data
/// that must never be copied into this repository): FLIGHTREC_CONFORMANCE, else
/// ../shared/conformance beside the repository root. On CI a missing corpus fails the test.
/// </summary>
internal static class ConformanceExpectations
{
    public static string? Read(string name)
    {
        string? corpus = Find();
        if (corpus is null)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "conformance corpus not found (set FLIGHTREC_CONFORMANCE or put it at ../shared/conformance)");
            return null;
        }

        return File.ReadAllText(Path.Combine(corpus, "run", name + ".expected"));
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
