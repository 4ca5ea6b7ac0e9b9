namespace FlightRec.Compiler.Tests.Golden;

/// <summary>A one-line account of where two listings first part, short enough to read in a list of many.</summary>
internal static class ListingDifference
{
    public static string Describe(string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        return $"line {line + 1}: stap {Show(expectedLines, line)}, frstap {Show(actualLines, line)}";
    }

    // Split leaves an empty last element after a final newline, so past-the-end and that element both read as the end.
    private static string Show(string[] lines, int index) =>
        index >= lines.Length || (index == lines.Length - 1 && lines[index].Length == 0)
            ? "<end>"
            : $"\"{lines[index]}\"";
}
