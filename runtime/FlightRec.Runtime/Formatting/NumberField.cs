using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// Integer conversions with stap's rules (runtime/vsprintf.c <c>number()</c>), which differ
/// from C: <c>#</c> prefixes <c>0</c>/<c>0x</c> even for zero, precision 0 still prints the
/// digit <c>0</c>, and the <c>0</c> flag pads with zeros even when a precision is given.
/// </summary>
internal static class NumberField
{
    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    private static ReadOnlySpan<byte> UpperDigits => "0123456789ABCDEF"u8;

    /// <param name="width">Field width, −1 when not given.</param>
    /// <param name="precision">Minimum digits, −1 when not given.</param>
    /// <param name="signed">True for <c>%d</c>/<c>%i</c>: the only conversions that show a sign.</param>
    [SkipLocalsInit]
    public static void Write(ref FormatWriter writer, ulong value, int numberBase, int width, int precision, FormatFlags flags, bool signed, bool upper)
    {
        bool left = (flags & FormatFlags.Left) != 0;
        bool zeroPad = !left && (flags & FormatFlags.ZeroPad) != 0;
        int size = width;

        byte sign = 0;
        if (signed)
        {
            if ((long)value < 0)
            {
                sign = (byte)'-';
                value = (ulong)-(long)value;
                size--;
            }
            else if ((flags & FormatFlags.Plus) != 0)
            {
                sign = (byte)'+';
                size--;
            }
            else if ((flags & FormatFlags.Space) != 0)
            {
                sign = (byte)' ';
                size--;
            }
        }

        bool special = (flags & FormatFlags.Special) != 0 && numberBase != 10;
        if (special)
        {
            size -= numberBase == 16 ? 2 : 1;
        }

        Span<byte> buffer = stackalloc byte[24];
        var digits = FormatDigits(buffer, value, numberBase, upper);
        int count = digits.Length;

        int minimumDigits = Math.Max(precision, count);
        size -= minimumDigits;

        if (!zeroPad && !left)
        {
            writer.Fill((byte)' ', size);
        }

        if (sign != 0)
        {
            writer.Put(sign);
        }

        if (special)
        {
            writer.Put((byte)'0');
            if (numberBase == 16)
            {
                writer.Put(upper ? (byte)'X' : (byte)'x');
            }
        }

        if (zeroPad)
        {
            writer.Fill((byte)'0', size);
        }

        writer.Fill((byte)'0', minimumDigits - count);
        writer.Write(digits);

        if (left)
        {
            writer.Fill((byte)' ', size);
        }
    }

    /// <summary>The digits of <paramref name="value"/>, most significant first, at the end of <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<byte> FormatDigits(Span<byte> buffer, ulong value, int numberBase, bool upper)
    {
        // Constant divisors and shifts: a 64-bit division by a variable base costs more than the rest of a printf.
        int start = buffer.Length;
        switch (numberBase)
        {
            case 10:
                do
                {
                    ulong quotient = value / 10;
                    buffer[--start] = (byte)('0' + (int)(value - (quotient * 10)));
                    value = quotient;
                }
                while (value != 0);
                break;
            case 16:
                var table = upper ? UpperDigits : LowerDigits;
                do
                {
                    buffer[--start] = table[(int)(value & 0xF)];
                    value >>= 4;
                }
                while (value != 0);
                break;
            default:
                do
                {
                    buffer[--start] = (byte)('0' + (int)(value & 7));
                    value >>= 3;
                }
                while (value != 0);
                break;
        }

        return buffer[start..];
    }
}
