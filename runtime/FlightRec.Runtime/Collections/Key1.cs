namespace FlightRec.Runtime.Collections;

/// <summary>
/// A map key of 1 column; each type parameter is <see cref="long"/> or <see cref="string"/>.
/// Strings must already be truncated to MAXSTRINGLEN − 1 bytes and must not be null
/// (a pattern may hold anything in its <c>*</c> positions: they are never read).
/// </summary>
public readonly struct Key1<T1> : IScriptMapKey<Key1<T1>>
{
    public Key1(T1 k1)
    {
        K1 = k1;
    }

    public T1 K1 { get; }

    public static int Arity => 1;

    public static bool operator ==(Key1<T1> left, Key1<T1> right) => left.Equals(right);

    public static bool operator !=(Key1<T1> left, Key1<T1> right) => !left.Equals(right);

    public bool Equals(Key1<T1> other) =>
        KeyColumn.Equal(K1, other.K1);

    public override bool Equals(object? obj) => obj is Key1<T1> other && Equals(other);

    public override int GetHashCode() => KeyColumn.Hash(K1);

    public static int CompareColumn(in Key1<T1> a, in Key1<T1> b, int column) => column switch
    {
        0 => KeyColumn.Compare(a.K1, b.K1),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "a 1-column key has columns 0…0"),
    };

    public static void ValidateColumnTypes()
    {
        KeyColumn.Validate<T1>(0);
    }

    public bool Matches(in Key1<T1> pattern, int fixedColumns) =>
        ((fixedColumns & 1) == 0 || KeyColumn.Equal(K1, pattern.K1));

    public override string ToString() => "[" + KeyColumn.Format(K1) + "]";
}
