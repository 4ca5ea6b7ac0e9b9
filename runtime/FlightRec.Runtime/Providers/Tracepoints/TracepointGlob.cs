namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// fnmatch(3) with flags 0, which is what stap applies to tracepoint subsystems and names
/// (dwflpp::function_name_matches_pattern): <c>*</c> any run, <c>?</c> one character,
/// <c>[abc]</c> <c>[a-z]</c> <c>[!x]</c> <c>[^x]</c> <c>[[:digit:]]</c> sets, <c>\</c> quotes the
/// next character; a <c>[</c> without its <c>]</c> is an ordinary character.
/// </summary>
internal static class TracepointGlob
{
    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny("*?[\\") >= 0;

    public static bool Matches(string pattern, string text)
    {
        int p = 0, t = 0;
        int starPattern = -1, starText = -1;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starPattern = ++p;
                starText = t;
                continue;
            }

            int next = p < pattern.Length ? MatchOne(pattern, p, text[t]) : -1;
            if (next >= 0)
            {
                p = next;
                t++;
                continue;
            }

            if (starPattern < 0)
            {
                return false;
            }

            // Let the last '*' swallow one more character and try again from there.
            p = starPattern;
            t = ++starText;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // The pattern index after the element at p if it matches c, else -1.
    private static int MatchOne(string pattern, int p, char c)
    {
        switch (pattern[p])
        {
            case '?':
                return p + 1;
            case '[':
                if (SetEnd(pattern, p) is { } end)
                {
                    return InSet(pattern, p + 1, end, c) ? end + 1 : -1;
                }

                return c == '[' ? p + 1 : -1;
            case '\\' when p + 1 < pattern.Length:
                return pattern[p + 1] == c ? p + 2 : -1;
            default:
                return pattern[p] == c ? p + 1 : -1;
        }
    }

    // Index of the ']' closing the set opened at p, or null if there is none.
    private static int? SetEnd(string pattern, int p)
    {
        int i = p + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++; // a leading ']' is a member, not the end
        }

        while (i < pattern.Length)
        {
            if (pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                int close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    i = close + 2;
                    continue;
                }
            }

            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                i += 2;
                continue;
            }

            if (pattern[i] == ']')
            {
                return i;
            }

            i++;
        }

        return null;
    }

    // Whether c is in the set pattern[start..end) (the part between '[' and ']').
    private static bool InSet(string pattern, int start, int end, char c)
    {
        int i = start;
        bool negated = pattern[i] is '!' or '^';
        if (negated)
        {
            i++;
        }

        bool found = false;
        bool first = true;
        while (i < end)
        {
            if (pattern[i] == '[' && i + 1 < end && pattern[i + 1] == ':' &&
                pattern.IndexOf(":]", i + 2, StringComparison.Ordinal) is var close and >= 0 && close < end)
            {
                found |= InClass(pattern[(i + 2)..close], c);
                i = close + 2;
                first = false;
                continue;
            }

            char low = pattern[i];
            if (low == '\\' && i + 1 < end)
            {
                low = pattern[++i];
            }
            else if (low == ']' && !first)
            {
                break;
            }

            i++;
            first = false;
            char high = low;
            if (i + 1 < end && pattern[i] == '-')
            {
                high = pattern[i + 1];
                if (high == '\\' && i + 2 < end)
                {
                    high = pattern[i + 2];
                    i++;
                }

                i += 2;
            }

            found |= c >= low && c <= high;
        }

        return found != negated;
    }

    private static bool InClass(string name, char c) => name switch
    {
        "alpha" => char.IsAsciiLetter(c),
        "digit" => char.IsAsciiDigit(c),
        "alnum" => char.IsAsciiLetterOrDigit(c),
        "upper" => char.IsAsciiLetterUpper(c),
        "lower" => char.IsAsciiLetterLower(c),
        "xdigit" => char.IsAsciiHexDigit(c),
        "space" => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v',
        "blank" => c is ' ' or '\t',
        "punct" => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c),
        "cntrl" => c < ' ' || c == '\x7f',
        "graph" => c is > ' ' and < '\x7f',
        "print" => c is >= ' ' and < '\x7f',
        _ => false,
    };
}
