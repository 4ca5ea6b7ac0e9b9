namespace FlightRec.Runtime.Formatting;

/// <summary>
/// Integer conversions with stap's rules (runtime/vsprintf.c <c>number()</c>), which differ
/// from C: <c>#</c> prefixes <c>0</c>/<c>0x</c> even for zero, precision 0 still prints the
/// digit <c>0</c>, and the <c>0</c> flag pads with zeros even when a precision is given.
/// </summary>
internal static class NumberField
{
    private const string LowerDigits = "0123456789abcdef";
    private const string UpperDigits = "0123456789ABCDEF";

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

        Span<byte> digits = stackalloc byte[24];
        string table = upper ? UpperDigits : LowerDigits;
        int count = 0;
        do
        {
            digits[count++] = (byte)table[(int)(value % (uint)numberBase)];
            value /= (uint)numberBase;
        }
        while (value != 0);

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
        while (count > 0)
        {
            writer.Put(digits[--count]);
        }

        if (left)
        {
            writer.Fill((byte)' ', size);
        }
    }
}
