namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's levenshtein_suggest: the names closest to a misspelt one, for "(similar: a, b)".
/// Substitutions and gaps cost 2 (leading gaps 1, as stap's table starts), a change of case
/// only 1; ties keep alphabetical order.
/// </summary>
public static class SimilarNames
{
    public static string Suggest(string target, IEnumerable<string> names, int max)
    {
        var best = names.Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(n => (Name: n, Score: Distance(target, n)))
            .OrderBy(s => s.Score)
            .Take(max)
            .Select(s => s.Name);
        return string.Join(", ", best);
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = a[i - 1] == b[j - 1] ? 0 : char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 1 : 2;
                d[i, j] = Math.Min(d[i - 1, j - 1] + substitution, Math.Min(d[i - 1, j] + 2, d[i, j - 1] + 2));
            }
        }

        return d[a.Length, b.Length];
    }
}
