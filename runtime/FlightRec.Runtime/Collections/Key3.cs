namespace FlightRec.Runtime.Collections;

/// <summary>
/// A map key of 3 columns; each type parameter is <see cref="long"/> or <see cref="string"/>.
/// Strings must already be truncated to MAXSTRINGLEN − 1 bytes and must not be null
/// (a pattern may hold anything in its <c>*</c> positions: they are never read).
/// </summary>
public readonly struct Key3<T1, T2, T3> : IScriptMapKey<Key3<T1, T2, T3>>
{
    public Key3(T1 k1, T2 k2, T3 k3)
    {
        K1 = k1;
        K2 = k2;
        K3 = k3;
    }

    public T1 K1 { get; }

    public T2 K2 { get; }

    public T3 K3 { get; }

    public static int Arity => 3;

    public static bool operator ==(Key3<T1, T2, T3> left, Key3<T1, T2, T3> right) => left.Equals(right);

    public static bool operator !=(Key3<T1, T2, T3> left, Key3<T1, T2, T3> right) => !left.Equals(right);

    public bool Equals(Key3<T1, T2, T3> other) =>
        KeyColumn.Equal(K1, other.K1)
        && KeyColumn.Equal(K2, other.K2)
        && KeyColumn.Equal(K3, other.K3);

    public override bool Equals(object? obj) => obj is Key3<T1, T2, T3> other && Equals(other);

    public override int GetHashCode()
    {
        int hash = KeyColumn.Hash(K1);
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K2));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K3));
        return hash;
    }

    public static int CompareColumn(in Key3<T1, T2, T3> a, in Key3<T1, T2, T3> b, int column) => column switch
    {
        0 => KeyColumn.Compare(a.K1, b.K1),
        1 => KeyColumn.Compare(a.K2, b.K2),
        2 => KeyColumn.Compare(a.K3, b.K3),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "a 3-column key has columns 0…2"),
    };

    public static void ValidateColumnTypes()
    {
        KeyColumn.Validate<T1>(0);
        KeyColumn.Validate<T2>(1);
        KeyColumn.Validate<T3>(2);
    }

    public bool Matches(in Key3<T1, T2, T3> pattern, int fixedColumns) =>
        ((fixedColumns & 1) == 0 || KeyColumn.Equal(K1, pattern.K1))
        && ((fixedColumns & 2) == 0 || KeyColumn.Equal(K2, pattern.K2))
        && ((fixedColumns & 4) == 0 || KeyColumn.Equal(K3, pattern.K3));

    public override string ToString() => "[" + KeyColumn.Format(K1) + "," + KeyColumn.Format(K2) + "," + KeyColumn.Format(K3) + "]";
}
