namespace FlightRec.Compiler.Diagnostics;

/// <summary>
/// Where a token or node came from: the file, the character range and the 1-based
/// line and column of its first character (a tab counts as one column, as in stap).
/// </summary>
public readonly record struct SourceSpan(SourceFile File, int Start, int End, int Line, int Column)
{
    public override string ToString() => $"{File.Name}:{Line}:{Column}";

    /// <summary>A span from the start of this one to the end of <paramref name="other"/>.</summary>
    public SourceSpan To(SourceSpan other) =>
        other.File == File && other.End >= Start ? this with { End = other.End } : this;
}
