namespace FlightRec.Compiler.Semantics;

/// <summary>
/// fnmatch(3) without flags beyond FNM_NOESCAPE, as stap matches probe point components and
/// tracepoint names: <c>*</c>, <c>?</c> and bracket expressions (<c>[a-c]</c>, <c>[!x]</c>).
/// </summary>
public static class Glob
{
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    public static bool Matches(string pattern, string text) => Match(pattern.AsSpan(), text.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative with one backtrack point: the last '*' seen.
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
                continue;
            }

            if (p < pattern.Length && SingleMatches(pattern, ref p, text[t]))
            {
                t++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Whether the element at <paramref name="p"/> matches <paramref name="c"/>; advances past it on success.</summary>
    private static bool SingleMatches(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        if (pattern[p] == '?')
        {
            p++;
            return true;
        }

        if (pattern[p] == '[' && BracketEnd(pattern, p) is int end and > 0)
        {
            int i = p + 1;
            bool negate = i < end && pattern[i] is '!' or '^';
            if (negate)
            {
                i++;
            }

            bool found = false;
            for (bool first = true; i < end; first = false)
            {
                char low = pattern[i];
                if (i + 2 < end && pattern[i + 1] == '-')
                {
                    found |= c >= low && c <= pattern[i + 2];
                    i += 3;
                }
                else
                {
                    found |= c == low || (first && low == ']' && c == ']');
                    i++;
                }
            }

            if (found != negate)
            {
                p = end + 1;
                return true;
            }

            return false;
        }

        if (pattern[p] == c)
        {
            p++;
            return true;
        }

        return false;
    }

    // The index of the ']' closing a bracket expression at p, or -1 if it is an ordinary '['.
    private static int BracketEnd(ReadOnlySpan<char> pattern, int p)
    {
        int i = p + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }
}
