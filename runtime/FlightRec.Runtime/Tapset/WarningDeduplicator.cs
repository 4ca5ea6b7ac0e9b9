namespace FlightRec.Runtime.Tapset;

/// <summary>
/// stapio's duplicate-warning filter (LANGUAGE.md §5.15, src staprun/mainloop.c): an identical
/// warning line is printed once. The table remembers at most 1024 distinct lines; the 1025th new
/// line is printed followed by <see cref="TableFullLine"/>, and from then on lines that are not in
/// the table are always printed. Thread-safe: warnings arrive from any handler thread.
/// </summary>
public sealed class WarningDeduplicator
{
    public const int MaxStoredWarnings = 1024;

    public const string TableFullLine = "WARNING deduplication table full\n";

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _seenCount;

    /// <summary>The stderr line for warn(msg): <c>WARNING: msg</c> with a newline added if missing.</summary>
    public static string FormatLine(string message) =>
        message.EndsWith('\n') ? "WARNING: " + message : "WARNING: " + message + "\n";

    /// <summary>
    /// Decides whether <paramref name="line"/> is printed; <paramref name="tableFull"/> tells the
    /// caller to print <see cref="TableFullLine"/> right after it.
    /// </summary>
    public bool Accept(string line, out bool tableFull)
    {
        tableFull = false;
        lock (_lock)
        {
            if (_seen.Contains(line))
            {
                return false;
            }

            int previous = _seenCount++;
            if (previous == MaxStoredWarnings)
            {
                tableFull = true;
            }
            else if (previous > MaxStoredWarnings)
            {
                // Stop counting so that the counter cannot overflow.
                _seenCount = MaxStoredWarnings + 1;
            }
            else
            {
                _seen.Add(line);
            }

            return true;
        }
    }
}
