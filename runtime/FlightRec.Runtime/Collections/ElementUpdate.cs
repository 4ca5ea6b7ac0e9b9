using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Collections;

/// <summary>
/// Assignments to an array element in stap's order: the indexes, then the value, then the read
/// of the old value and the store. Generated code uses these where the value could change the
/// same array (a reference taken before it would go stale when the map grows) or where the
/// indexes must not be evaluated twice.
/// </summary>
public static class ElementUpdate
{
    /// <summary><c>a[k] = v</c> as an expression: stores and returns <paramref name="value"/>.</summary>
    /// <param name="near">Where an overflow (<c>Array overflow…</c>) is reported: the array's identifier.</param>
    public static TValue Store<TKey, TValue>(ScriptMap<TKey, TValue> map, in TKey key, TValue value, string? near)
        where TKey : struct, IScriptMapKey<TKey>
    {
        map.GetOrAdd(key, near) = value;
        return value;
    }

    /// <summary>
    /// <c>a[k] op= v</c>: the new value is computed from the old one (0 when absent) before the
    /// element is created, so a division by zero leaves the array as it was.
    /// </summary>
    /// <param name="operatorNear">Where a division by zero is reported: the operator.</param>
    public static long Combine<TKey>(ScriptMap<TKey, long> map, in TKey key, CompoundOperator op, long operand, string? near, string? operatorNear)
        where TKey : struct, IScriptMapKey<TKey>
    {
        long old = map.Get(key);
        long result = op switch
        {
            CompoundOperator.Add => unchecked(old + operand),
            CompoundOperator.Subtract => unchecked(old - operand),
            CompoundOperator.Multiply => unchecked(old * operand),
            CompoundOperator.Divide => ScriptMath.Divide(old, operand, operatorNear),
            CompoundOperator.Modulo => ScriptMath.Modulo(old, operand, operatorNear),
            CompoundOperator.And => old & operand,
            CompoundOperator.Or => old | operand,
            CompoundOperator.Xor => old ^ operand,
            CompoundOperator.ShiftLeft => ScriptMath.ShiftLeft(old, operand),
            CompoundOperator.ShiftRight => ScriptMath.ShiftRight(old, operand),
            CompoundOperator.ShiftRightLogical => ScriptMath.ShiftRightLogical(old, operand),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
        map.GetOrAdd(key, near) = result;
        return result;
    }

    /// <summary><c>a[k] .= s</c>: the concatenation cut to MAXSTRINGLEN − 1 bytes.</summary>
    public static string Concat<TKey>(ScriptMap<TKey, string> map, in TKey key, string operand, int maxStringLength, string? near)
        where TKey : struct, IScriptMapKey<TKey>
    {
        string result = ScriptString.Concat(map.Get(key), operand, maxStringLength);
        map.GetOrAdd(key, near) = result;
        return result;
    }
}
