using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// <c>%b</c>: the value's low 1, 2, 4 or 8 bytes, little-endian (x86-64/arm64 order), padded
/// with NUL bytes to the width. The byte count is the precision if it is 1, 2, 4 or 8, else
/// the width if it is, else 8 (runtime/vsprintf.c <c>_stp_vsprint_binary</c>).
/// </summary>
internal static class BinaryField
{
    [SkipLocalsInit]
    public static void Write(ref FormatWriter writer, long value, int width, int precision, FormatFlags flags)
    {
        int bytes = ValidSize(precision);
        if (width == -1)
        {
            width = bytes == -1 ? 8 : bytes;
            bytes = bytes == -1 ? 8 : bytes;
        }
        else if (bytes == -1)
        {
            bytes = ValidSize(width);
            if (bytes == -1)
            {
                bytes = 8;
            }
        }

        bool left = (flags & FormatFlags.Left) != 0;
        if (!left)
        {
            writer.Fill(0, width - bytes);
        }

        // stap writes the value only when all of it fits, and then carries on with the rest.
        if (writer.Remaining >= bytes)
        {
            Span<byte> raw = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(raw, value);
            writer.Write(raw[..bytes]);
        }
        else
        {
            writer.MarkOverflow();
        }

        if (left)
        {
            writer.Fill(0, width - bytes);
        }
    }

    private static int ValidSize(int size) => size is 1 or 2 or 4 or 8 ? size : -1;
}
