using System.Runtime.CompilerServices;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Values;

/// <summary>
/// Integer arithmetic with SystemTap's semantics (LANGUAGE.md §5.2): wrapping, C99
/// truncating division, <c>x / -1 == -x</c> without a trap, shift counts masked to 6 bits,
/// and a script error for division by zero.
/// </summary>
public static class ScriptMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Divide(long x, long y, string? near)
    {
        if (y == 0)
        {
            throw ScriptError.DivisionByZero(near);
        }

        return y == -1 ? unchecked(-x) : x / y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Modulo(long x, long y, string? near)
    {
        if (y == 0)
        {
            throw ScriptError.DivisionByZero(near);
        }

        return y is 1 or -1 ? 0 : x % y;
    }

    public static long ShiftLeft(long x, long n) => x << (int)(n & 63);

    public static long ShiftRight(long x, long n) => x >> (int)(n & 63);

    public static long ShiftRightLogical(long x, long n) => (long)((ulong)x >> (int)(n & 63));

    public static long Bool(bool b) => b ? 1 : 0;
}
