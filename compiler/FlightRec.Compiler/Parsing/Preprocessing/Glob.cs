namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>
/// fnmatch(3) with FNM_NOESCAPE and no other flag, as stap calls it for <c>arch</c>,
/// <c>runtime</c>, <c>CONFIG_</c> and wildcard <c>kernel_v</c> conditions: <c>*</c>,
/// <c>?</c> and bracket expressions (<c>[a-z]</c>, <c>[!x]</c>, <c>[^x]</c>); a backslash
/// and <c>/</c> are ordinary characters. POSIX classes such as <c>[:alpha:]</c> are not
/// supported (no tapset uses them).
/// </summary>
internal static class Glob
{
    /// <summary>True when the text is one stap would treat as a wildcard pattern.</summary>
    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny("*?[") >= 0;

    public static bool Match(string pattern, string text) => Match(pattern.AsSpan(), text.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative matcher with backtracking to the last '*' only: a later '*' can
        // absorb whatever an earlier one would have, so one resume point suffices.
        int p = 0, t = 0;
        int starP = -1, starT = -1;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                char pc = pattern[p];
                if (pc == '*')
                {
                    starP = ++p;
                    starT = t;
                    continue;
                }

                if (pc == '?')
                {
                    p++;
                    t++;
                    continue;
                }

                if (pc == '[')
                {
                    int consumed = MatchBracket(pattern[p..], text[t], out bool matched);
                    if (consumed > 0)
                    {
                        if (matched)
                        {
                            p += consumed;
                            t++;
                            continue;
                        }
                    }
                    else if (text[t] == '[')
                    {
                        // An unterminated '[' stands for itself.
                        p++;
                        t++;
                        continue;
                    }
                }
                else if (pc == text[t])
                {
                    p++;
                    t++;
                    continue;
                }
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Matches c against the bracket expression at the start of pattern. Returns the
    // length of the expression, or 0 when it has no closing ']'.
    private static int MatchBracket(ReadOnlySpan<char> pattern, char c, out bool matched)
    {
        matched = false;
        int i = 1;
        bool negate = i < pattern.Length && pattern[i] is '!' or '^';
        if (negate)
        {
            i++;
        }

        bool any = false;
        bool first = true;
        while (i < pattern.Length)
        {
            char lo = pattern[i];
            if (lo == ']' && !first)
            {
                matched = any != negate;
                return i + 1;
            }

            first = false;
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                char hi = pattern[i + 2];
                any |= c >= lo && c <= hi;
                i += 3;
            }
            else
            {
                any |= c == lo;
                i++;
            }
        }

        return 0;
    }
}
