namespace FlightRec.Runtime.Tapset;

/// <summary>
/// An invalid regular expression literal. The compiler reports it as stap does:
/// <c>regex compilation error (at position N): MESSAGE</c> (<see cref="Report"/>).
/// </summary>
public sealed class ScriptRegexException(string message, int position) : Exception(message)
{
    /// <summary>0-based offset in the pattern where the problem was found; -1 when stap gives none.</summary>
    public int Position { get; } = position;

    public string Report => Position < 0
        ? $"regex compilation error: {Message}"
        : $"regex compilation error (at position {Position}): {Message}";
}
