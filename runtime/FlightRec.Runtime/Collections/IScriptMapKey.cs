namespace FlightRec.Runtime.Collections;

/// <summary>
/// A key tuple of a script map (1–9 columns, each long or string). Implemented by the
/// readonly structs <see cref="Key1{T1}"/> … <see cref="Key9{T1, T2, T3, T4, T5, T6, T7, T8, T9}"/>.
/// Columns are numbered from 0. A column mask has bit <c>i</c> set when column <c>i</c>
/// takes part (for slices and wildcard patterns: when column <c>i</c> is not <c>*</c>).
/// </summary>
public interface IScriptMapKey<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IScriptMapKey<TSelf>
{
    /// <summary>Number of key columns.</summary>
    static abstract int Arity { get; }

    /// <summary>Compares one column: longs signed, strings by unsigned bytes.</summary>
    static abstract int CompareColumn(in TSelf a, in TSelf b, int column);

    /// <summary>Throws unless every column type is long or string.</summary>
    static abstract void ValidateColumnTypes();

    /// <summary>True when every column whose bit is set in <paramref name="fixedColumns"/> equals the pattern's.</summary>
    bool Matches(in TSelf pattern, int fixedColumns);
}
