using System.Text;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// Interprets the escapes of a script string literal (LANGUAGE.md §1.5). The lexer keeps
/// escapes verbatim, as stap does, and stap leaves their meaning to the C compiler; this is
/// that C interpretation, restricted to what the spec lists.
/// </summary>
public static class StringLiteral
{
    /// <summary>
    /// Turns the text between the quotes into the string's bytes (one char per byte):
    /// <c>\a \b \t \n \v \f \r \\</c>, octal <c>\N \NN \NNN</c> (values above 255 keep their low
    /// byte, as C does), <c>\xH</c>/<c>\xHH</c> (at most two hex digits), backslash-newline as a
    /// newline, and any other <c>\c</c> as plain <c>c</c> (so <c>\x</c> without a hex digit is <c>x</c>).
    /// </summary>
    public static string Unescape(string verbatimEscapes)
    {
        int firstBackslash = verbatimEscapes.IndexOf('\\');
        if (firstBackslash < 0)
        {
            return verbatimEscapes;
        }

        var result = new StringBuilder(verbatimEscapes.Length);
        result.Append(verbatimEscapes, 0, firstBackslash);
        int i = firstBackslash;
        while (i < verbatimEscapes.Length)
        {
            char c = verbatimEscapes[i++];
            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (i == verbatimEscapes.Length)
            {
                // A lone trailing backslash cannot come from the lexer; keep it rather than lose it.
                result.Append('\\');
                break;
            }

            char e = verbatimEscapes[i++];
            switch (e)
            {
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 't': result.Append('\t'); break;
                case 'n': result.Append('\n'); break;
                case 'v': result.Append('\v'); break;
                case 'f': result.Append('\f'); break;
                case 'r': result.Append('\r'); break;
                case >= '0' and <= '7':
                    int octal = e - '0';
                    for (int digits = 1; digits < 3 && i < verbatimEscapes.Length && verbatimEscapes[i] is >= '0' and <= '7'; digits++)
                    {
                        octal = (octal * 8) + (verbatimEscapes[i++] - '0');
                    }

                    result.Append((char)(octal & 0xFF));
                    break;
                case 'x' when i < verbatimEscapes.Length && char.IsAsciiHexDigit(verbatimEscapes[i]):
                    int hex = HexValue(verbatimEscapes[i++]);
                    if (i < verbatimEscapes.Length && char.IsAsciiHexDigit(verbatimEscapes[i]))
                    {
                        hex = (hex * 16) + HexValue(verbatimEscapes[i++]);
                    }

                    result.Append((char)hex);
                    break;
                default:
                    // Covers \\ \" \' \% \q, a bare \x, and backslash-newline (which yields the newline).
                    result.Append(e);
                    break;
            }
        }

        return result.ToString();
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
