namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Integer literal text as C's strtoull(s, 0) reads it: decimal, 0777 octal, 0x1F hex;
/// values up to 2^64-1 wrap to int64 as stap stores them.
/// </summary>
internal static class NumberText
{
    /// <summary>False for malformed text (<c>08</c>, <c>1L</c>) or values beyond 64 bits.</summary>
    public static bool TryParse(string text, bool negative, out long value)
    {
        value = 0;
        int radix = 10;
        int i = 0;
        if (text.Length > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            radix = 16;
            i = 2;
            if (i == text.Length)
            {
                return false;
            }
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            i = 1;
        }

        UInt128 acc = 0;
        for (; i < text.Length; i++)
        {
            int digit = DigitValue(text[i]);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            acc = (acc * (uint)radix) + (uint)digit;
            if (acc > ulong.MaxValue)
            {
                return false;
            }
        }

        if (negative && acc > (UInt128)9223372036854775808UL)
        {
            return false;
        }

        ulong bits = (ulong)acc;
        value = negative ? unchecked(-(long)bits) : unchecked((long)bits);
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
