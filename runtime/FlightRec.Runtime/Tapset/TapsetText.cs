using System.Buffers;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// text_str(), text_strn() and string_quoted() (LANGUAGE.md §9.2), a faithful rendering of stap's
/// <c>_stp_text_str</c> (runtime/stp_string.c): printable ASCII is kept, the C short escapes and
/// <c>\"</c> <c>\\</c> take two chars, other bytes become <c>\ooo</c>, valid minimal UTF-8 sequences
/// become <c>\uXXXX</c>/<c>\UXXXXXXXX</c>; an escape is never cut, and a quoted result that had to
/// be truncated ends in <c>"...</c>.
/// </summary>
public static class TapsetText
{
    public static string TextStr(string input, int maxStringLength) =>
        Escape(input, 0, 0, quoted: false, maxStringLength);

    public static string TextStrn(string input, long len, long quoted, int maxStringLength) =>
        Escape(input, 0, (int)Math.Clamp(len, 0, maxStringLength), quoted != 0, maxStringLength);

    public static string StringQuoted(string str, int maxStringLength) =>
        Escape(str, maxStringLength, maxStringLength, quoted: true, maxStringLength);

    /// <summary>
    /// The escaping core. <paramref name="inputLimit"/> and <paramref name="outputLimit"/> are stap's
    /// inlen/outlen: ≤ 0 or above MAXSTRINGLEN−1 mean MAXSTRINGLEN−1.
    /// </summary>
    public static string Escape(string input, int inputLimit, int outputLimit, bool quoted, int maxStringLength)
    {
        int limit = maxStringLength - 1;
        int inRemaining = inputLimit <= 0 || inputLimit > limit ? limit : inputLimit;
        int outRemaining = outputLimit <= 0 || outputLimit > limit ? limit : outputLimit;

        char[] rented = ArrayPool<char>.Shared.Rent(limit + 16);
        var output = rented.AsSpan();
        int length = 0;
        if (quoted)
        {
            outRemaining = Math.Max(outRemaining, 5) - 2;
            output[length++] = '"';
        }

        // The first escape that truncation could cut in half (stap's esc/esc_len).
        int escapeAt = -1;
        int escapeLength = 0;
        int c = 0;
        int position = 0;
        while (inRemaining > 0)
        {
            int consumed = DecodeUtf8(input, position, inRemaining, out c);
            if (c == 0 || outRemaining <= 0)
            {
                break;
            }

            position += consumed;
            inRemaining -= consumed;
            int width = consumed > 1 ? (c <= 0xFFFF ? 6 : 10) : EscapedWidth(c);
            if (width > 1)
            {
                if (escapeAt < 0 && outRemaining - 3 < width)
                {
                    escapeAt = length;
                    escapeLength = width;
                }

                if (outRemaining < width)
                {
                    break;
                }
            }

            length += consumed > 1 ? WriteUnicodeEscape(output[length..], c, width) : WriteByte(output[length..], c, width);
            outRemaining -= width;
        }

        if (quoted)
        {
            if (c != 0 && inRemaining > 0)
            {
                int cut = length - 3 + outRemaining;
                length = escapeAt >= 0 && escapeAt < cut && cut < escapeAt + escapeLength ? escapeAt : Math.Min(cut, length);
                "\"...".AsSpan().CopyTo(output[length..]);
                length += 4;
            }
            else
            {
                output[length++] = '"';
            }
        }

        string result = input.Length == length && output[..length].SequenceEqual(input) ? input : new string(output[..length]);
        ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>
    /// stap's <c>_stp_decode_utf8</c>: a minimal, non-surrogate, ≤ U+10FFFF sequence of 2–4 bytes
    /// yields its code point; anything else yields the single lead byte. Bytes past the end of the
    /// string read as the terminating NUL.
    /// </summary>
    private static int DecodeUtf8(string s, int position, int size, out int c)
    {
        int b = ByteAt(s, position);
        size--;
        int n;
        if ((b & 0xE0) == 0xC0 && size >= 1)
        {
            n = 2;
            c = b & 0x1F;
        }
        else if ((b & 0xF0) == 0xE0 && size >= 2)
        {
            n = 3;
            c = b & 0x0F;
        }
        else if ((b & 0xF8) == 0xF0 && size >= 3)
        {
            n = 4;
            c = b & 0x07;
        }
        else
        {
            c = b;
            return 1;
        }

        for (int i = 1; i < n; i++)
        {
            int continuation = ByteAt(s, position + i);
            if ((continuation & 0xC0) != 0x80)
            {
                c = b;
                return 1;
            }

            c = (c << 6) | (continuation & 0x3F);
        }

        bool valid = c is (< 0xD800 or > 0xDFFF) and <= 0x10FFFF
            && c >= 0x80 && !(n == 3 && c < 0x800) && !(n == 4 && c < 0x10000);
        if (!valid)
        {
            c = b;
            return 1;
        }

        return n;
    }

    private static int ByteAt(string s, int i) => i < s.Length ? s[i] & 0xFF : 0;

    private static int EscapedWidth(int c) => c switch
    {
        >= 0x20 and <= 0x7E and not '"' and not '\\' => 1,
        '\a' or '\b' or '\f' or '\n' or '\r' or '\t' or '\v' or '"' or '\\' => 2,
        _ => 4,
    };

    private static int WriteByte(Span<char> output, int c, int width)
    {
        if (width == 1)
        {
            output[0] = (char)c;
            return 1;
        }

        output[0] = '\\';
        if (width == 2)
        {
            output[1] = c switch
            {
                '\a' => 'a',
                '\b' => 'b',
                '\f' => 'f',
                '\n' => 'n',
                '\r' => 'r',
                '\t' => 't',
                '\v' => 'v',
                _ => (char)c,
            };
            return 2;
        }

        output[1] = (char)('0' + ((c >> 6) & 3));
        output[2] = (char)('0' + ((c >> 3) & 7));
        output[3] = (char)('0' + (c & 7));
        return 4;
    }

    private static int WriteUnicodeEscape(Span<char> output, int c, int width)
    {
        output[0] = '\\';
        output[1] = width == 6 ? 'u' : 'U';
        for (int i = width - 3, o = 2; i >= 0; i--, o++)
        {
            output[o] = "0123456789ABCDEF"[(c >> (i * 4)) & 0xF];
        }

        return width;
    }
}
