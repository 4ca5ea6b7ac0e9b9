using System.Numerics;
using System.Runtime.CompilerServices;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Collections;

/// <summary>
/// Operations on one key column of a map key. A column is either <see cref="long"/> or
/// <see cref="string"/>; the <c>typeof</c> tests fold away when the JIT specialises the key
/// struct, so a long column costs a compare of two registers and nothing is boxed.
/// </summary>
internal static class KeyColumn
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal<T>(T a, T b)
    {
        if (typeof(T) == typeof(long))
        {
            return Unsafe.As<T, long>(ref a) == Unsafe.As<T, long>(ref b);
        }

        return string.Equals(Unsafe.As<T, string>(ref a), Unsafe.As<T, string>(ref b));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash<T>(T value)
    {
        if (typeof(T) == typeof(long))
        {
            long x = Unsafe.As<T, long>(ref value);
            return (int)x ^ (int)(x >> 32);
        }

        return Unsafe.As<T, string>(ref value)?.GetHashCode() ?? 0;
    }

    /// <summary>Longs numerically (signed), strings by unsigned bytes as strcmp (LANGUAGE.md §5.5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare<T>(T a, T b)
    {
        if (typeof(T) == typeof(long))
        {
            return Unsafe.As<T, long>(ref a).CompareTo(Unsafe.As<T, long>(ref b));
        }

        return ScriptString.Compare(Unsafe.As<T, string>(ref a), Unsafe.As<T, string>(ref b));
    }

    /// <summary>Mixes the next column's hash into the running hash of a multi-column key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Combine(int hash, int next) => (int)BitOperations.RotateLeft((uint)hash * 0x9E3779B1u, 5) ^ next;

    public static void Validate<T>(int column)
    {
        if (typeof(T) != typeof(long) && typeof(T) != typeof(string))
        {
            throw new NotSupportedException(
                $"map key column {column + 1} has type {typeof(T).Name}; only long and string keys exist");
        }
    }

    public static string Format<T>(T value) =>
        typeof(T) == typeof(long) ? Unsafe.As<T, long>(ref value).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"\"{Unsafe.As<T, string>(ref value)}\"";
}
