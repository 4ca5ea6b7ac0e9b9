namespace FlightRec.Runtime.Collections;

/// <summary>
/// A map key of 8 columns; each type parameter is <see cref="long"/> or <see cref="string"/>.
/// Strings must already be truncated to MAXSTRINGLEN − 1 bytes and must not be null
/// (a pattern may hold anything in its <c>*</c> positions: they are never read).
/// </summary>
public readonly struct Key8<T1, T2, T3, T4, T5, T6, T7, T8> : IScriptMapKey<Key8<T1, T2, T3, T4, T5, T6, T7, T8>>
{
    public Key8(T1 k1, T2 k2, T3 k3, T4 k4, T5 k5, T6 k6, T7 k7, T8 k8)
    {
        K1 = k1;
        K2 = k2;
        K3 = k3;
        K4 = k4;
        K5 = k5;
        K6 = k6;
        K7 = k7;
        K8 = k8;
    }

    public T1 K1 { get; }

    public T2 K2 { get; }

    public T3 K3 { get; }

    public T4 K4 { get; }

    public T5 K5 { get; }

    public T6 K6 { get; }

    public T7 K7 { get; }

    public T8 K8 { get; }

    public static int Arity => 8;

    public static bool operator ==(Key8<T1, T2, T3, T4, T5, T6, T7, T8> left, Key8<T1, T2, T3, T4, T5, T6, T7, T8> right) => left.Equals(right);

    public static bool operator !=(Key8<T1, T2, T3, T4, T5, T6, T7, T8> left, Key8<T1, T2, T3, T4, T5, T6, T7, T8> right) => !left.Equals(right);

    public bool Equals(Key8<T1, T2, T3, T4, T5, T6, T7, T8> other) =>
        KeyColumn.Equal(K1, other.K1)
        && KeyColumn.Equal(K2, other.K2)
        && KeyColumn.Equal(K3, other.K3)
        && KeyColumn.Equal(K4, other.K4)
        && KeyColumn.Equal(K5, other.K5)
        && KeyColumn.Equal(K6, other.K6)
        && KeyColumn.Equal(K7, other.K7)
        && KeyColumn.Equal(K8, other.K8);

    public override bool Equals(object? obj) => obj is Key8<T1, T2, T3, T4, T5, T6, T7, T8> other && Equals(other);

    public override int GetHashCode()
    {
        int hash = KeyColumn.Hash(K1);
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K2));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K3));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K4));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K5));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K6));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K7));
        hash = KeyColumn.Combine(hash, KeyColumn.Hash(K8));
        return hash;
    }

    public static int CompareColumn(in Key8<T1, T2, T3, T4, T5, T6, T7, T8> a, in Key8<T1, T2, T3, T4, T5, T6, T7, T8> b, int column) => column switch
    {
        0 => KeyColumn.Compare(a.K1, b.K1),
        1 => KeyColumn.Compare(a.K2, b.K2),
        2 => KeyColumn.Compare(a.K3, b.K3),
        3 => KeyColumn.Compare(a.K4, b.K4),
        4 => KeyColumn.Compare(a.K5, b.K5),
        5 => KeyColumn.Compare(a.K6, b.K6),
        6 => KeyColumn.Compare(a.K7, b.K7),
        7 => KeyColumn.Compare(a.K8, b.K8),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "a 8-column key has columns 0…7"),
    };

    public static void ValidateColumnTypes()
    {
        KeyColumn.Validate<T1>(0);
        KeyColumn.Validate<T2>(1);
        KeyColumn.Validate<T3>(2);
        KeyColumn.Validate<T4>(3);
        KeyColumn.Validate<T5>(4);
        KeyColumn.Validate<T6>(5);
        KeyColumn.Validate<T7>(6);
        KeyColumn.Validate<T8>(7);
    }

    public bool Matches(in Key8<T1, T2, T3, T4, T5, T6, T7, T8> pattern, int fixedColumns) =>
        ((fixedColumns & 1) == 0 || KeyColumn.Equal(K1, pattern.K1))
        && ((fixedColumns & 2) == 0 || KeyColumn.Equal(K2, pattern.K2))
        && ((fixedColumns & 4) == 0 || KeyColumn.Equal(K3, pattern.K3))
        && ((fixedColumns & 8) == 0 || KeyColumn.Equal(K4, pattern.K4))
        && ((fixedColumns & 16) == 0 || KeyColumn.Equal(K5, pattern.K5))
        && ((fixedColumns & 32) == 0 || KeyColumn.Equal(K6, pattern.K6))
        && ((fixedColumns & 64) == 0 || KeyColumn.Equal(K7, pattern.K7))
        && ((fixedColumns & 128) == 0 || KeyColumn.Equal(K8, pattern.K8));

    public override string ToString() => "[" + KeyColumn.Format(K1) + "," + KeyColumn.Format(K2) + "," + KeyColumn.Format(K3) + "," + KeyColumn.Format(K4) + "," + KeyColumn.Format(K5) + "," + KeyColumn.Format(K6) + "," + KeyColumn.Format(K7) + "," + KeyColumn.Format(K8) + "]";
}
