using System.Buffers.Binary;
using System.Globalization;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// User-memory tapset functions (LANGUAGE.md §9.3): strings and integers read from the
/// process that caused the event, through <see cref="ProbeContext.UserMemory"/>. Where there
/// is no such process (begin, end, timers) or the address is not readable, they fault exactly
/// as stap's do: an error, a substitute value, or a warning, depending on the variant.
/// </summary>
public static class TapsetUserMemory
{
    private const int EFAULT = 14;

    /// <summary>user_string(addr): at most MAXSTRINGLEN − 2 bytes; a fault is an error.</summary>
    public static string UserString(ProbeContext context, long address) =>
        TryReadString(context, address, context.Limits.MaxStringLength, out string s) ? s : throw StringFault(address);

    public static string UserString(ProbeContext context, long address, string errorMessage) =>
        TryReadString(context, address, context.Limits.MaxStringLength, out string s) ? s : errorMessage;

    /// <summary>user_string_n(addr, n): at most min(n, MAXSTRINGLEN − 2) bytes; n ≤ 0 gives "".</summary>
    public static string UserStringN(ProbeContext context, long address, long n) =>
        n <= 0 ? "" : TryReadString(context, address, n, out string s) ? s : throw StringFault(address);

    public static string UserStringN(ProbeContext context, long address, long n, string errorMessage) =>
        n <= 0 ? "" : TryReadString(context, address, n, out string s) ? s : errorMessage;

    public static string UserStringNofault(ProbeContext context, long address) => UserString(context, address, "");

    public static string UserStringNNofault(ProbeContext context, long address, long n) => UserStringN(context, address, n, "");

    /// <summary>user_string_warn(addr[, msg]): a fault warns and gives <paramref name="warnMessage"/>.</summary>
    public static string UserStringWarn(ProbeContext context, long address, string warnMessage = "")
    {
        if (TryReadString(context, address, context.Limits.MaxStringLength, out string s))
        {
            return s;
        }

        context.Session?.Warn(StringFaultMessage(address));
        return warnMessage;
    }

    /// <summary>user_string_quoted(addr): the string quoted and escaped; a fault gives the address as 0x….</summary>
    public static string UserStringQuoted(ProbeContext context, long address) =>
        TryReadString(context, address, context.Limits.MaxStringLength, out string s)
            ? TapsetText.StringQuoted(s, context.Limits.MaxStringLength)
            : "0x" + address.ToString("x", CultureInfo.InvariantCulture);

    public static long UserChar(ProbeContext c, long a) => ReadOrZero(c, a, 1, signed: true);

    public static long UserShort(ProbeContext c, long a) => ReadOrZero(c, a, 2, signed: true);

    public static long UserUShort(ProbeContext c, long a) => ReadOrZero(c, a, 2, signed: false);

    public static long UserInt(ProbeContext c, long a) => ReadOrZero(c, a, 4, signed: true);

    public static long UserLong(ProbeContext c, long a) => ReadOrZero(c, a, 8, signed: true);

    public static long UserULong(ProbeContext c, long a) => ReadOrZero(c, a, 8, signed: false);

    public static long UserInt8(ProbeContext c, long a) => ReadOrZero(c, a, 1, signed: true);

    public static long UserUInt8(ProbeContext c, long a) => ReadOrZero(c, a, 1, signed: false);

    public static long UserInt16(ProbeContext c, long a) => ReadOrZero(c, a, 2, signed: true);

    public static long UserUInt16(ProbeContext c, long a) => ReadOrZero(c, a, 2, signed: false);

    public static long UserInt32(ProbeContext c, long a) => ReadOrZero(c, a, 4, signed: true);

    public static long UserUInt32(ProbeContext c, long a) => ReadOrZero(c, a, 4, signed: false);

    public static long UserInt64(ProbeContext c, long a) => ReadOrZero(c, a, 8, signed: true);

    public static long UserUInt64(ProbeContext c, long a) => ReadOrZero(c, a, 8, signed: false);

    /// <summary>
    /// The <c>_error</c> variants (user_long_error …): <paramref name="size"/> bytes, sign- or
    /// zero-extended; a fault is the error <c>read fault [man error::fault] at 0xADDR</c>.
    /// </summary>
    public static long ReadIntegerOrError(ProbeContext context, long address, int size, bool signed) =>
        TryReadInteger(context, address, size, signed, out long value)
            ? value
            : throw new ScriptError($"read fault [man error::fault] at 0x{address.ToString("x", CultureInfo.InvariantCulture)}");

    private static long ReadOrZero(ProbeContext context, long address, int size, bool signed) =>
        TryReadInteger(context, address, size, signed, out long value) ? value : 0;

    private static bool TryReadInteger(ProbeContext context, long address, int size, bool signed, out long value)
    {
        value = 0;
        Span<byte> bytes = stackalloc byte[8];
        if (context.UserMemory is not { } memory || memory.Read(address, bytes[..size]) < size)
        {
            return false;
        }

        ulong raw = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        int unused = (8 - size) * 8;
        value = signed ? (long)(raw << unused) >> unused : (long)((raw << unused) >> unused);
        return true;
    }

    // stap copies clamp(n + 1, 1, MAXSTRINGLEN - 1) bytes including the terminator, so at most
    // min(n, MAXSTRINGLEN - 2) characters; a string that is not terminated within that is cut.
    private static bool TryReadString(ProbeContext context, long address, long n, out string value)
    {
        value = "";
        if (context.UserMemory is not { } memory)
        {
            return false;
        }

        int copy = (int)Math.Clamp(n + 1, 1, context.Limits.MaxStringLength - 1);
        Span<byte> buffer = copy <= 1024 ? stackalloc byte[copy] : new byte[copy];
        int read = memory.Read(address, buffer);
        int end = buffer[..read].IndexOf((byte)0);
        if (end < 0)
        {
            // No terminator among the readable bytes: a fault unless every byte asked for was read.
            if (read < copy)
            {
                return false;
            }

            end = copy - 1;
        }

        value = System.Text.Encoding.Latin1.GetString(buffer[..end]);
        return true;
    }

    private static string StringFaultMessage(long address) =>
        $"user string copy fault -{EFAULT} at 0x{address.ToString("x", CultureInfo.InvariantCulture)} [man error::fault]";

    private static ScriptError StringFault(long address) => new(StringFaultMessage(address));
}
