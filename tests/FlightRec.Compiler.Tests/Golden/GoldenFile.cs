using Xunit.Sdk;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// Compares text with a committed golden file. FLIGHTREC_UPDATE_GOLDEN=1 rewrites the file
/// instead, so a deliberate change of output is one command plus a reviewed diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "FLIGHTREC_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Verify(string path, string actual)
    {
        if (Updating)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != actual)
            {
                File.WriteAllText(path, actual);
            }

            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file {path} is missing.{Hint}\n--- actual\n{actual}");
        }

        string expected = File.ReadAllText(path);
        if (expected != actual)
        {
            throw new XunitException($"Output differs from {path}.{Hint}\n{Describe(expected, actual)}");
        }
    }

    private static string Hint =>
        $" If the new output is right, rerun with {UpdateVariable}=1 and review the diff of the golden file.";

    /// <summary>Names the first differing line: a whole-text dump hides one changed character.</summary>
    internal static string Describe(string expected, string actual) =>
        FirstDifference(expected, actual) + $"\n--- expected\n{expected}\n--- actual\n{actual}";

    internal static string FirstDifference(string expected, string actual)
    {
        string[] want = expected.Split('\n');
        string[] got = actual.Split('\n');
        int line = 0;
        while (line < want.Length && line < got.Length && want[line] == got[line])
        {
            line++;
        }

        string Line(string[] lines) => line < lines.Length ? Quote(lines[line]) : "(end of text)";
        return $"first difference at line {line + 1}:\n  expected: {Line(want)}\n  actual:   {Line(got)}";
    }

    private static string Quote(string line) => "\"" + line.Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
