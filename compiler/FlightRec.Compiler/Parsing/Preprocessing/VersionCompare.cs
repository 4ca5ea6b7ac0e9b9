namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>
/// glibc's <c>strverscmp</c>: compares strings so that embedded numbers order by value
/// ("2.6.9" &lt; "2.6.10"), and a run of leading zeros reads as a fraction ("0.09" &lt; "0.9",
/// "000" &lt; "00"). stap compares <c>kernel_v</c>, <c>kernel_vr</c> and <c>systemtap_v</c>
/// with it, so conditions in tapsets only work as their authors meant with the same order.
/// </summary>
internal static class VersionCompare
{
    // Where the scan is: in ordinary text, inside an integer, inside a fraction
    // (a digit run that began with '0' and then had other digits), or inside a run
    // of zeros at the start of a digit run.
    private const int Normal = 0;
    private const int Integral = 1;
    private const int Fractional = 2;
    private const int Zeros = 3;

    // What to do at the first difference.
    private const int ByChar = 10;
    private const int ByLength = 11;

    /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>.</summary>
    public static int Compare(string a, string b)
    {
        int i = 0;
        char ca = At(a, 0);
        char cb = At(b, 0);
        int state = Normal;
        while (ca == cb)
        {
            if (ca == '\0')
            {
                return 0;
            }

            state = Next(state, Class(ca));
            i++;
            ca = At(a, i);
            cb = At(b, i);
        }

        int diff = ca - cb;
        int verdict = Verdict(state, Class(ca), Class(cb));
        if (verdict == ByChar)
        {
            return diff;
        }

        if (verdict != ByLength)
        {
            return verdict;
        }

        // Both are inside an integer: the longer digit run is the larger number; if
        // they are as long, the first differing digit decides.
        int j = i + 1;
        while (true)
        {
            bool digitA = char.IsAsciiDigit(At(a, j));
            bool digitB = char.IsAsciiDigit(At(b, j));
            if (!digitA)
            {
                return digitB ? -1 : diff;
            }

            if (!digitB)
            {
                return 1;
            }

            j++;
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    // 0 = not a digit, 1 = digit 1-9, 2 = '0'.
    private static int Class(char c) => c == '0' ? 2 : char.IsAsciiDigit(c) ? 1 : 0;

    // The state in which the next character is read, after a character of class c
    // was read in state "previous".
    private static int Next(int previous, int c) => previous switch
    {
        Normal => c switch { 0 => Normal, 1 => Integral, _ => Zeros },
        Integral => c == 0 ? Normal : Integral,
        Fractional => c == 0 ? Normal : Fractional,
        _ => c switch { 0 => Normal, 1 => Fractional, _ => Zeros },
    };

    // ca and cb are the classes of the first differing characters, read in "state".
    private static int Verdict(int state, int ca, int cb) => state switch
    {
        Normal => ca == 1 && cb == 1 ? ByLength : ByChar,
        Integral => (ca, cb) switch
        {
            (0, 0) => ByChar,
            (0, _) => -1,
            (_, 0) => 1,
            _ => ByLength,
        },
        Fractional => ByChar,
        _ => (ca, cb) switch
        {
            (0, 0) => ByChar,
            (0, _) => 1,
            (_, 0) => -1,
            _ => ByChar,
        },
    };
}
