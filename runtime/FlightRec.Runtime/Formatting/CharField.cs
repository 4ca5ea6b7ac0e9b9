namespace FlightRec.Runtime.Formatting;

/// <summary>
/// <c>%c</c>: one byte, space-padded to the width; with <c>#</c>, quote-worthy bytes are
/// written as C escapes (<c>\n</c>, <c>\'</c>, <c>\\</c>…) or three octal digits (<c>\000</c>).
/// </summary>
internal static class CharField
{
    public static void Write(ref FormatWriter writer, byte value, int width, FormatFlags flags)
    {
        byte escape = 0;
        int size = 1;
        if ((flags & FormatFlags.Special) != 0 && (value is < 0x20 or > 0x7E || value == '\'' || value == '\\'))
        {
            escape = value switch
            {
                (byte)'\a' => (byte)'a',
                (byte)'\b' => (byte)'b',
                (byte)'\f' => (byte)'f',
                (byte)'\n' => (byte)'n',
                (byte)'\r' => (byte)'r',
                (byte)'\t' => (byte)'t',
                (byte)'\v' => (byte)'v',
                (byte)'\'' => (byte)'\'',
                (byte)'\\' => (byte)'\\',
                _ => 0,
            };
            size = escape != 0 ? 2 : 4;
        }

        bool left = (flags & FormatFlags.Left) != 0;
        if (!left)
        {
            writer.Fill((byte)' ', width - size);
        }

        if (size == 1)
        {
            writer.Put(value);
        }
        else
        {
            writer.Put((byte)'\\');
            if (escape != 0)
            {
                writer.Put(escape);
            }
            else
            {
                writer.Put((byte)('0' + ((value >> 6) & 3)));
                writer.Put((byte)('0' + ((value >> 3) & 7)));
                writer.Put((byte)('0' + (value & 7)));
            }
        }

        if (left)
        {
            writer.Fill((byte)' ', width - size);
        }
    }
}
