using FlightRec.Conformance;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// Finds the shared SystemTap conformance corpus (GPL test data, read in place and never
/// copied into the repository): FLIGHTREC_CONFORMANCE, else ../shared/conformance beside the
/// repository root.
/// </summary>
internal static class ConformanceCorpus
{
    public const string Variable = "FLIGHTREC_CONFORMANCE";

    public static string? Find()
    {
        string? candidate = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : RepositoryLocator.Find() is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance")) : null;
        return candidate is not null && File.Exists(Path.Combine(candidate, Manifest.FileName)) ? candidate : null;
    }

    /// <summary>On CI a missing corpus is a broken setup, not a reason to skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
