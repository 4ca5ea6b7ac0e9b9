namespace FlightRec.Runtime.Values;

/// <summary>
/// Script strings are byte strings. The runtime keeps them as .NET strings whose chars are
/// all below 256 (one char per byte, Latin-1), so that lengths, comparisons and
/// truncation work on bytes as in stap. Every string a script produces is truncated to
/// MAXSTRINGLEN − 1 bytes (LANGUAGE.md §5.3).
/// </summary>
public static class ScriptString
{
    public static string Truncate(string s, int maxStringLength) =>
        s.Length < maxStringLength ? s : s[..(maxStringLength - 1)];

    public static string Concat(string a, string b, int maxStringLength)
    {
        int limit = maxStringLength - 1;
        if (a.Length >= limit)
        {
            return a.Length == limit ? a : a[..limit];
        }

        return b.Length <= limit - a.Length ? a + b : string.Concat(a, b.AsSpan(0, limit - a.Length));
    }

    /// <summary>Byte-wise unsigned comparison, as strcmp.</summary>
    public static int Compare(string a, string b) => string.CompareOrdinal(a, b);
}
