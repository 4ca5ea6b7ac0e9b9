namespace FlightRec.Compiler.Diagnostics;

/// <summary>
/// One script or tapset file as the compiler sees it. Scripts are byte strings:
/// the text is the file's bytes decoded as Latin-1, so one char is one byte and
/// columns count bytes as stap does.
/// </summary>
public sealed class SourceFile
{
    private int[]? _lineStarts;

    public SourceFile(string name, string text)
    {
        Name = name;
        Text = text;
    }

    /// <summary>The name used in messages: the path as given, or <c>&lt;input&gt;</c> for -e.</summary>
    public string Name { get; }

    public string Text { get; }

    public static SourceFile Load(string path, string? displayName = null) =>
        new(displayName ?? path, Latin1.GetString(File.ReadAllBytes(path)));

    public static SourceFile FromBytes(string name, byte[] bytes) => new(name, Latin1.GetString(bytes));

    public static System.Text.Encoding Latin1 => System.Text.Encoding.Latin1;

    /// <summary>The text of 1-based line <paramref name="line"/>, without its newline.</summary>
    public string GetLine(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length)
        {
            return "";
        }

        int start = starts[line - 1];
        int end = line < starts.Length ? starts[line] - 1 : Text.Length;
        return Text[start..Math.Max(start, end)];
    }

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
