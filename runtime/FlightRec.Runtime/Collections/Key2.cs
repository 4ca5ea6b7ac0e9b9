namespace FlightRec.Runtime.Collections;

/// <summary>
/// A map key of 2 columns; each type parameter is <see cref="long"/> or <see cref="string"/>.
/// Strings must already be truncated to MAXSTRINGLEN − 1 bytes and must not be null
/// (a pattern may hold anything in its <c>*</c> positions: they are never read).
/// </summary>
public readonly struct Key2<T1, T2> : IScriptMapKey<Key2<T1, T2>>
{
    public Key2(T1 k1, T2 k2)
    {
        K1 = k1;
        K2 = k2;
    }

    public T1 K1 { get; }

    public T2 K2 { get; }

    public static int Arity => 2;

    public static bool operator ==(Key2<T1, T2> left, Key2<T1, T2> right) => left.Equals(right);

    public static bool operator !=(Key2<T1, T2> left, Key2<T1, T2> right) => !left.Equals(right);

    public bool Equals(Key2<T1, T2> other) =>
        KeyColumn.Equal(K1, other.K1)
        && KeyColumn.Equal(K2, other.K2);

    public override bool Equals(object? obj) => obj is Key2<T1, T2> other && Equals(other);

    public override int GetHashCode()
    {
        int hash = KeyColumn.Hash(K1);
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K2));
        return hash;
    }

    public static int CompareColumn(in Key2<T1, T2> a, in Key2<T1, T2> b, int column) => column switch
    {
        0 => KeyColumn.Compare(a.K1, b.K1),
        1 => KeyColumn.Compare(a.K2, b.K2),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "a 2-column key has columns 0…1"),
    };

    public static void ValidateColumnTypes()
    {
        KeyColumn.Validate<T1>(0);
        KeyColumn.Validate<T2>(1);
    }

    public bool Matches(in Key2<T1, T2> pattern, int fixedColumns) =>
        ((fixedColumns & 1) == 0 || KeyColumn.Equal(K1, pattern.K1))
        && ((fixedColumns & 2) == 0 || KeyColumn.Equal(K2, pattern.K2));

    public override string ToString() => "[" + KeyColumn.Format(K1) + "," + KeyColumn.Format(K2) + "]";
}
