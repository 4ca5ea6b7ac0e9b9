using System.Numerics;
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

    /// <summary>Octal of a 64-bit value is the longest: 22 digits.</summary>
    private const int MaxDigits = 22;

    /// <summary>10^0 … 10^19: <c>PowersOfTen[n]</c> is the smallest value with n + 1 decimal digits.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ];

    /// <param name="width">Field width, −1 when not given.</param>
    /// <param name="precision">Minimum digits, −1 when not given.</param>
    /// <param name="signed">True for <c>%d</c>/<c>%i</c>: the only conversions that show a sign.</param>
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

        int count = CountDigits(value, numberBase);

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
        if (writer.Remaining >= count)
        {
            FormatDigits(writer.Free[..count], value, numberBase, upper);
            writer.Advance(count);
        }
        else
        {
            WriteCut(ref writer, value, numberBase, upper, count);
        }

        if (left)
        {
            writer.Fill((byte)' ', size);
        }
    }

    /// <summary>The leading digits that still fit, when the output window ends inside the number.</summary>
    [SkipLocalsInit]
    private static void WriteCut(ref FormatWriter writer, ulong value, int numberBase, bool upper, int count)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        FormatDigits(digits[..count], value, numberBase, upper);
        writer.Write(digits[..count]);
    }

    private static int CountDigits(ulong value, int numberBase)
    {
        int bits = 64 - BitOperations.LeadingZeroCount(value | 1);
        switch (numberBase)
        {
            case 16:
                return (bits + 3) / 4;
            case 8:
                return (bits + 2) / 3;
            default:
                int count = 1;
                while (count < PowersOfTen.Length && value >= PowersOfTen[count])
                {
                    count++;
                }

                return count;
        }
    }

    /// <summary>Writes the digits of <paramref name="value"/> into all of <paramref name="target"/>, most significant first.</summary>
    private static void FormatDigits(Span<byte> target, ulong value, int numberBase, bool upper)
    {
        // Constant divisors and shifts: a 64-bit division by a variable base costs more than the rest of a printf.
        int i = target.Length;
        switch (numberBase)
        {
            case 10:
                while (i > 0)
                {
                    ulong quotient = value / 10;
                    target[--i] = (byte)('0' + (int)(value - (quotient * 10)));
                    value = quotient;
                }

                break;
            case 16:
                var table = upper ? UpperDigits : LowerDigits;
                while (i > 0)
                {
                    target[--i] = table[(int)(value & 0xF)];
                    value >>= 4;
                }

                break;
            default:
                while (i > 0)
                {
                    target[--i] = (byte)('0' + (int)(value & 7));
                    value >>= 3;
                }

                break;
        }
    }
}
