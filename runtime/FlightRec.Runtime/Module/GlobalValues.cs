using System.Globalization;

namespace FlightRec.Runtime.Module;

/// <summary>
/// Parsing of <c>NAME=VALUE</c> for long globals (<c>frrun rec.dll n=10</c>, <c>frstap -G n=10</c>),
/// shared by generated and hand-written modules: base detected as the kernel's module
/// parameters do (<c>0x</c> hex, leading <c>0</c> octal, else decimal, optional sign), and a
/// one-line message for anything else.
/// </summary>
public static class GlobalValues
{
    public static long ParseLong(string name, string value)
    {
        var text = value.AsSpan();
        bool negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        bool ok;
        ulong magnitude;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            ok = ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude);
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            ok = TryParseOctal(text[1..], out magnitude);
        }
        else
        {
            ok = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        }

        ulong limit = negative ? 1UL << 63 : long.MaxValue;
        if (!ok || magnitude > limit)
        {
            throw new FormatException($"invalid value '{value}' for global '{name}': not a number that fits a long");
        }

        return negative ? (long)(0 - magnitude) : (long)magnitude;
    }

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (char c in digits)
        {
            if (c is < '0' or > '7' || value > (ulong.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) + (uint)(c - '0');
        }

        return true;
    }
}
