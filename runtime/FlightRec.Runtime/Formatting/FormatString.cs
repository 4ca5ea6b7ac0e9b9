namespace FlightRec.Runtime.Formatting;

/// <summary>
/// Parses printf format strings as stap's <c>print_format::string_to_components</c> does
/// (LANGUAGE.md §6.1): <c>%[flag][width][.precision][l]conv</c> with at most one flag
/// character. The input is the literal after escape interpretation (<see cref="StringLiteral.Unescape"/>).
/// </summary>
public static class FormatString
{
    /// <summary>The one message for every malformed conversion.</summary>
    public const string InvalidConversion = "invalid or missing conversion specifier";

    /// <param name="literal">The format text, escapes already interpreted.</param>
    /// <param name="legacyPointer">True under <c>--compatible</c> below 1.3, where <c>%p</c> had its own padding rules.</param>
    public static FormatParseResult Parse(string literal, bool legacyPointer = false)
    {
        var components = new List<FormatComponent>();
        var text = new System.Text.StringBuilder();
        int i = 0;
        while (i < literal.Length)
        {
            char ch = literal[i];
            if (ch != '%')
            {
                text.Append(ch);
                i++;
                continue;
            }

            if (i + 1 < literal.Length && literal[i + 1] == '%')
            {
                text.Append('%');
                i += 2;
                continue;
            }

            // A lone trailing '%' ("100%") is reported like any other incomplete conversion (✔ stap).
            if (!TryParseConversion(literal, ref i, legacyPointer, out var conversion))
            {
                return new FormatParseResult(null, InvalidConversion);
            }

            if (text.Length > 0)
            {
                components.Add(FormatComponent.Literal(text.ToString()));
                text.Clear();
            }

            components.Add(conversion);
        }

        if (text.Length > 0)
        {
            components.Add(FormatComponent.Literal(text.ToString()));
        }

        return new FormatParseResult(new CompiledFormat(literal, components), null);
    }

    /// <summary>Parses the conversion starting at the '%' at <paramref name="i"/>; leaves <paramref name="i"/> after it.</summary>
    private static bool TryParseConversion(string s, ref int i, bool legacyPointer, out FormatComponent conversion)
    {
        conversion = default;
        i++;
        var flags = At(s, i) switch
        {
            '-' => FormatFlags.Left,
            '+' => FormatFlags.Plus,
            ' ' => FormatFlags.Space,
            '#' => FormatFlags.Special,
            '0' => FormatFlags.ZeroPad,
            _ => FormatFlags.None,
        };
        if (flags != FormatFlags.None)
        {
            i++;
        }

        int width = -1;
        bool widthStar = false;
        if (At(s, i) == '*')
        {
            widthStar = true;
            i++;
        }
        else if (char.IsAsciiDigit(At(s, i)))
        {
            width = ReadNumber(s, ref i);
        }

        int precision = -1;
        bool precisionStar = false;
        if (At(s, i) == '.')
        {
            i++;

            // stap leaves the precision unspecified after a bare '.', unlike C's "precision 0";
            // it only shows in "%.s", which prints the whole string.
            if (At(s, i) == '*')
            {
                precisionStar = true;
                i++;
            }
            else if (char.IsAsciiDigit(At(s, i)))
            {
                precision = ReadNumber(s, ref i);
            }
        }

        if (At(s, i) == 'l')
        {
            i++;
        }

        ConversionKind? kind = At(s, i) switch
        {
            'd' or 'i' => ConversionKind.SignedDecimal,
            'u' => ConversionKind.UnsignedDecimal,
            'o' => ConversionKind.Octal,
            'x' => ConversionKind.Hex,
            'X' => ConversionKind.HexUpper,
            'p' => legacyPointer ? ConversionKind.LegacyPointer : ConversionKind.Pointer,
            'c' => ConversionKind.Char,
            's' => ConversionKind.String,
            'b' => ConversionKind.Binary,
            'm' => ConversionKind.Memory,
            'M' => ConversionKind.MemoryHex,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        i++;
        conversion = FormatComponent.Conversion(kind.Value, flags, width, widthStar, precision, precisionStar);
        return true;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>Reads decimal digits, saturating: any width beyond the buffer is clamped at run time anyway.</summary>
    private static int ReadNumber(string s, ref int i)
    {
        long value = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            value = Math.Min((value * 10) + (s[i] - '0'), int.MaxValue);
            i++;
        }

        return (int)value;
    }
}
