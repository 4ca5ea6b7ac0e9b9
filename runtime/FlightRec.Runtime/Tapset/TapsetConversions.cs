using System.Buffers.Binary;
using System.Globalization;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Tapset;

/// <summary>
/// strtol(), errno_str(), return_str(), randint() and big_endian2/4/8() (LANGUAGE.md §9.3, stap
/// string.stp, errno.stp, random.stp, linux/endian.stp).
/// </summary>
public static class TapsetConversions
{
    /// <summary>randint() accepts n up to 2^20 (stap's RANDMAX).</summary>
    public const long RandMax = 1024 * 1024;

    /// <summary>
    /// The kernel's <c>simple_strtol</c>: an optional single leading '-', then
    /// <c>simple_strtoull</c>: base 0 picks 16 for "0x" followed by a hex digit, 8 for a leading
    /// "0", else 10; base 16 skips a "0x" prefix; digits are read until the first byte that is not
    /// a digit of the base (only 0-9, a-f, A-F are digits at all); no whitespace skipping, no
    /// overflow detection (wraps), never an error. The base is truncated to C's unsigned int.
    /// </summary>
    public static long Strtol(string str, long @base)
    {
        if (str.Length > 0 && str[0] == '-')
        {
            return unchecked(-(long)Strtoull(str, 1, (uint)@base));
        }

        return unchecked((long)Strtoull(str, 0, (uint)@base));
    }

    private static ulong Strtoull(string s, int i, uint radix)
    {
        if (radix == 0)
        {
            radix = CharAt(s, i) != '0' ? 10u
                : char.ToLowerInvariant(CharAt(s, i + 1)) == 'x' && char.IsAsciiHexDigit(CharAt(s, i + 2)) ? 16u
                : 8u;
        }

        if (radix == 16 && CharAt(s, i) == '0' && char.ToLowerInvariant(CharAt(s, i + 1)) == 'x')
        {
            i += 2;
        }

        ulong result = 0;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            uint digit = char.IsAsciiDigit(c) ? (uint)(c - '0')
                : char.IsAsciiHexDigit(c) ? (uint)(char.ToLowerInvariant(c) - 'a' + 10)
                : uint.MaxValue;
            if (digit >= radix)
            {
                break;
            }

            result = unchecked((result * radix) + digit);
        }

        return result;
    }

    private static char CharAt(string s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>The symbolic name of |err| ("ENOENT" for 2 and -2), "" if unknown.</summary>
    /// <summary>big_endian2(val): the low 16 bits in big-endian byte order (cpu_to_be16), zero-extended.</summary>
    public static long BigEndian2(long val) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness((ushort)val) : (ushort)val;

    /// <summary>big_endian4(val): the low 32 bits in big-endian byte order (cpu_to_be32), zero-extended.</summary>
    public static long BigEndian4(long val) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness((uint)val) : (uint)val;

    /// <summary>big_endian8(val): the 64 bits in big-endian byte order (cpu_to_be64).</summary>
    public static long BigEndian8(long val) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(val) : val;

    public static string ErrnoStr(long err) => ErrnoNames.Lookup(err) ?? "";

    /// <summary>
    /// "%d (%s)" for a negative known errno; else by <paramref name="format"/>: 2 → "0x%x",
    /// 3 → "%#o" (stap prints 0 as "00"), anything else → "%d".
    /// </summary>
    public static string ReturnStr(long format, long ret)
    {
        if (ret < 0 && ErrnoNames.Lookup(ret) is { } name)
        {
            return ret.ToString(CultureInfo.InvariantCulture) + " (" + name + ")";
        }

        return format switch
        {
            2 => "0x" + ret.ToString("x", CultureInfo.InvariantCulture),
            3 => "0" + OctalOf((ulong)ret),
            _ => ret.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string OctalOf(ulong value)
    {
        Span<char> digits = stackalloc char[22];
        int i = digits.Length;
        do
        {
            digits[--i] = (char)('0' + (int)(value & 7));
            value >>= 3;
        }
        while (value != 0);

        return new string(digits[i..]);
    }

    /// <summary>Uniform in [0, n); n above 2^20 or negative → "range too wide".</summary>
    public static long Randint(long n) => Randint(n, Random.Shared);

    public static long Randint(long n, Random random)
    {
        if ((ulong)n > RandMax)
        {
            throw new ScriptError("range too wide");
        }

        return n == 0 ? 0 : random.NextInt64(n);
    }
}
