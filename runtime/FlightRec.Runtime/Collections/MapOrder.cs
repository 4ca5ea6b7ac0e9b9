namespace FlightRec.Runtime.Collections;

/// <summary>
/// The order a <c>foreach</c> visits a map in (LANGUAGE.md §5.5): unsorted (the map's current
/// list order), or a stable sort on one key column (numbered from 0) or on the value,
/// ascending (<c>+</c>) or descending (<c>-</c>).
/// </summary>
public readonly struct MapOrder : IEquatable<MapOrder>
{
    private const int ValueColumn = -1;

    private MapOrder(bool sorted, int column, bool descending)
    {
        IsSorted = sorted;
        Column = column;
        Descending = descending;
    }

    /// <summary>The current list order: creation order unless an earlier sort reordered the map.</summary>
    public static MapOrder Unsorted => default;

    public bool IsSorted { get; }

    public bool Descending { get; }

    public bool IsByValue => IsSorted && Column == ValueColumn;

    /// <summary>The key column sorted on; meaningless when unsorted or sorted by value.</summary>
    public int Column { get; }

    public static MapOrder ByKey(int column, bool descending)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        return new MapOrder(true, column, descending);
    }

    public static MapOrder ByValue(bool descending) => new(true, ValueColumn, descending);

    public static bool operator ==(MapOrder left, MapOrder right) => left.Equals(right);

    public static bool operator !=(MapOrder left, MapOrder right) => !left.Equals(right);

    public bool Equals(MapOrder other) =>
        IsSorted == other.IsSorted && Column == other.Column && Descending == other.Descending;

    public override bool Equals(object? obj) => obj is MapOrder other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IsSorted, Column, Descending);

    public override string ToString() =>
        !IsSorted ? "unsorted" : (IsByValue ? "value" : $"key {Column}") + (Descending ? "-" : "+");
}
