using System.Runtime.CompilerServices;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// <c>%s</c>, <c>%m</c> and <c>%M</c>, which stap formats with one routine
/// (runtime/vsprintf.c <c>_stp_vsprint_memory</c>): space padding to the width (counted in
/// output chars, so 2 per byte for <c>%M</c>), and with the <c>0</c> flag a NUL byte after
/// the field. A string ends at its first NUL as a C string does.
/// </summary>
internal static class MemoryField
{
    /// <summary>One memory dump may not exceed a page (translate.cxx, PR10490).</summary>
    public const long MaxDumpBytes = 4096;

    private const string HexDigits = "0123456789abcdef";

    public static void WriteString(ref FormatWriter writer, string? value, int width, int precision, FormatFlags flags)
    {
        var text = (value ?? "").AsSpan();
        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            text = text[..nul];
        }

        // An unspecified precision (−1) is a huge size_t in stap, clamped to the buffer size.
        int limit = precision < 0 ? int.MaxValue : precision;
        if (text.Length > limit)
        {
            text = text[..limit];
        }

        bool left = (flags & FormatFlags.Left) != 0;
        if (!left)
        {
            writer.Fill((byte)' ', width - text.Length);
        }

        writer.WriteChars(text);
        if (left)
        {
            writer.Fill((byte)' ', width - text.Length);
        }

        TerminateIfZeroPad(ref writer, flags);
    }

    public static void WriteMemory(ref FormatWriter writer, long address, bool hex, int width, int precision, FormatFlags flags, IMemoryReader? memory, string? near)
    {
        int count = precision > 0 ? precision : 1;
        int fieldLength = hex ? count * 2 : count;
        bool left = (flags & FormatFlags.Left) != 0;
        if (!left)
        {
            writer.Fill((byte)' ', width - fieldLength);
        }

        // stap reads only the bytes that still fit in the output, so a fault beyond it goes unnoticed.
        int readable = Math.Min(count, hex ? writer.Remaining / 2 : writer.Remaining);
        if (readable < count)
        {
            writer.MarkOverflow();
        }

        if (readable > 0)
        {
            if (hex)
            {
                WriteHex(ref writer, address, readable, memory, near);
            }
            else
            {
                Read(address, writer.Free[..readable], memory, near);
                writer.Advance(readable);
            }
        }

        if (left)
        {
            writer.Fill((byte)' ', width - fieldLength);
        }

        TerminateIfZeroPad(ref writer, flags);
    }

    /// <summary>The check stap makes before printing anything: the dump size is the precision, 1 when none or 0.</summary>
    public static void CheckDumpSize(long size, string? near)
    {
        if (size > MaxDumpBytes)
        {
            throw new ScriptError($"{size} is too many bytes for a memory dump", near);
        }
    }

    public static ScriptError ReadFault(long address, string? near) =>
        new($"read fault [man error::fault] at 0x{address:x}", near);

    [SkipLocalsInit]
    private static void WriteHex(ref FormatWriter writer, long address, int count, IMemoryReader? memory, string? near)
    {
        Span<byte> bytes = stackalloc byte[(int)MaxDumpBytes];
        bytes = bytes[..count];
        Read(address, bytes, memory, near);
        var target = writer.Free;
        for (int i = 0; i < bytes.Length; i++)
        {
            target[2 * i] = (byte)HexDigits[bytes[i] >> 4];
            target[(2 * i) + 1] = (byte)HexDigits[bytes[i] & 0xF];
        }

        writer.Advance(2 * count);
    }

    private static void Read(long address, Span<byte> destination, IMemoryReader? memory, string? near)
    {
        int got = memory?.Read(address, destination) ?? 0;
        if (got < destination.Length)
        {
            throw ReadFault(address + got, near);
        }
    }

    private static void TerminateIfZeroPad(ref FormatWriter writer, FormatFlags flags)
    {
        if ((flags & FormatFlags.ZeroPad) != 0)
        {
            writer.Put(0);
        }
    }
}
