namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// stap's "(similar: a, b, c)" suggestions: candidates ranked by an edit distance where a
/// substitution costs 2 (1 if only the letter case differs) and an insertion or deletion 2
/// (but 1 at the start, as stap's table borders are filled); ties keep alphabetical order; at
/// most <c>max</c> are listed.
/// </summary>
public static class SimilarNames
{
    /// <summary>The suggestions joined with ", ", or empty when there are none.</summary>
    public static string Suggest(string target, IEnumerable<string> candidates, int max = int.MaxValue) =>
        string.Join(", ", candidates
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(c => (Name: c, Score: Distance(target, c)))
            .OrderBy(c => c.Score)
            .Take(max)
            .Select(c => c.Name));

    /// <summary>" (similar: …)" or empty, the suffix stap appends to its messages.</summary>
    public static string Clause(string target, IEnumerable<string> candidates, int max = 5, string label = "similar")
    {
        string names = Suggest(target, candidates, max);
        return names.Length == 0 ? "" : $" ({label}: {names})";
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                char x = a[i - 1], y = b[j - 1];
                int substitution = x == y ? 0 : char.ToLowerInvariant(x) == char.ToLowerInvariant(y) ? 1 : 2;
                current[j] = Math.Min(previous[j - 1] + substitution, Math.Min(previous[j] + 2, current[j - 1] + 2));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
