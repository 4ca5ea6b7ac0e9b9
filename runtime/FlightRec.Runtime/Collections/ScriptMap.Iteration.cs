using System.Buffers;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Collections;

/// <summary>
/// <c>foreach</c> over a map (LANGUAGE.md §5.5). Each iteration takes a snapshot of the list
/// order into an array rented from <see cref="ArrayPool{T}.Shared"/> (so nested loops over
/// the same map are independent), sorts it with a stable merge sort when asked, writes the
/// sorted order back into the map's list, and then visits at most <c>limit</c> positions,
/// skipping (but counting) those the slice filters out. After warm-up of the pool nothing is
/// allocated; a statistics value sort also rents one long per slot for the extracted keys.
/// </summary>
public sealed partial class ScriptMap<TKey, TValue>
{
    /// <summary>Unsorted foreach over every element; lets <c>foreach (var e in map)</c> compile.</summary>
    public Enumerator GetEnumerator() => Iterate(MapOrder.Unsorted);

    /// <summary><c>foreach ([k…] in a[+/-] limit N)</c>.</summary>
    /// <param name="limit">The evaluated <c>limit</c> expression; ≤ 0 visits nothing (the sort still happens).</param>
    /// <param name="valueSortKey">Required for a value sort when values are neither long nor string (statistics).</param>
    public Enumerator Iterate(MapOrder order, long limit = long.MaxValue, MapValueSortKey<TValue>? valueSortKey = null) =>
        new(this, order, limit, default, 0, valueSortKey);

    /// <summary>
    /// <c>foreach ([k…] in a[*, x] …)</c>: visits elements matching <paramref name="slice"/> in
    /// the columns set in <paramref name="fixedColumns"/>; the slice filters after sorting and
    /// <paramref name="limit"/> counts filtered-out elements too, as stap does.
    /// </summary>
    public Enumerator IterateSlice(in TKey slice, int fixedColumns, MapOrder order = default, long limit = long.MaxValue, MapValueSortKey<TValue>? valueSortKey = null) =>
        new(this, order, limit, slice, fixedColumns, valueSortKey);

    /// <summary>Copies the list order into <paramref name="order"/>, sorted if asked; returns the element count.</summary>
    private int Snapshot(int[] order, MapOrder sort, MapValueSortKey<TValue>? valueSortKey)
    {
        int n = 0;
        for (int slot = _orderHead; slot != None; slot = _entries[slot].OrderNext)
        {
            order[n++] = slot;
        }

        if (sort.IsSorted && n > 1)
        {
            Sort(order.AsSpan(0, n), sort, valueSortKey);
            if (KeepsSortedOrder)
            {
                Relink(order.AsSpan(0, n));
            }
        }

        return n;
    }

    private void Sort(Span<int> order, MapOrder sort, MapValueSortKey<TValue>? valueSortKey)
    {
        int[] scratch = ArrayPool<int>.Shared.Rent(order.Length);
        try
        {
            int sign = sort.Descending ? -1 : 1;
            if (!sort.IsByValue)
            {
                if (sort.Column >= TKey.Arity)
                {
                    throw new ArgumentOutOfRangeException(nameof(sort), sort.Column, $"the map's keys have {TKey.Arity} columns");
                }

                var comparer = new KeyColumnComparer(_entries, sort.Column, sign);
                StableIndexSort.Sort(order, scratch, ref comparer);
            }
            else if (valueSortKey is not null)
            {
                SortByExtractedValue(order, scratch, sign, valueSortKey);
            }
            else if (typeof(TValue) == typeof(long))
            {
                var comparer = new LongValueComparer(_entries, sign);
                StableIndexSort.Sort(order, scratch, ref comparer);
            }
            else if (typeof(TValue) == typeof(string))
            {
                var comparer = new StringValueComparer(_entries, sign);
                StableIndexSort.Sort(order, scratch, ref comparer);
            }
            else
            {
                throw new InvalidOperationException($"sorting {typeof(TValue).Name} values needs a {nameof(MapValueSortKey<>)}");
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }
    }

    private void SortByExtractedValue(Span<int> order, int[] scratch, int sign, MapValueSortKey<TValue> valueSortKey)
    {
        long[] keys = ArrayPool<long>.Shared.Rent(_slotsUsed);
        try
        {
            foreach (int slot in order)
            {
                keys[slot] = valueSortKey(in _entries[slot].Value);
            }

            var comparer = new ExtractedValueComparer(keys, sign);
            StableIndexSort.Sort(order, scratch, ref comparer);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
        }
    }

    /// <summary>Makes the list order equal <paramref name="order"/> (stap sorts its element list in place).</summary>
    private void Relink(ReadOnlySpan<int> order)
    {
        int previous = None;
        foreach (int slot in order)
        {
            ref Entry entry = ref _entries[slot];
            entry.OrderPrev = previous;
            if (previous != None)
            {
                _entries[previous].OrderNext = slot;
            }

            previous = slot;
        }

        _entries[previous].OrderNext = None;
        _orderHead = order[0];
        _orderTail = previous;
    }

    /// <summary>
    /// A foreach in progress. A struct over a pooled snapshot: dispose it (a C# <c>foreach</c>
    /// does) to return the snapshot to the pool. The map must not change while it runs — the
    /// compiler forbids modifying an array inside its own foreach.
    /// </summary>
    public struct Enumerator : IDisposable
    {
        private readonly ScriptMap<TKey, TValue> _map;
        private readonly TKey _slice;
        private readonly int _fixedColumns;
        private readonly int _visits;
        private int[]? _order;
        private int _position;
        private int _slot;

        internal Enumerator(ScriptMap<TKey, TValue> map, MapOrder sort, long limit, TKey slice, int fixedColumns, MapValueSortKey<TValue>? valueSortKey)
        {
            _map = map;
            _slice = slice;
            _fixedColumns = fixedColumns;
            _position = -1;
            _slot = None;
            if (map.Count == 0)
            {
                return;
            }

            _order = ArrayPool<int>.Shared.Rent(map.Count);
            int count = map.Snapshot(_order, sort, valueSortKey);
            _visits = (int)Math.Clamp(limit, 0, count);
        }

        public readonly ScriptMapEntry<TKey, TValue> Current => new(_map._entries[_slot].Key, _map._entries[_slot].Value);

        /// <summary>The current key without copying the entry.</summary>
        public readonly ref readonly TKey CurrentKey => ref _map._entries[_slot].Key;

        /// <summary>The current value without copying it (statistics values can be large).</summary>
        public readonly ref readonly TValue CurrentValue => ref _map._entries[_slot].Value;

        /// <summary>Lets generated code write <c>foreach (var e in map.Iterate(…))</c>.</summary>
        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++_position < _visits)
            {
                int slot = _order![_position];
                if (_fixedColumns == 0 || _map._entries[slot].Key.Matches(_slice, _fixedColumns))
                {
                    _slot = slot;
                    return true;
                }
            }

            _position = _visits;
            return false;
        }

        public void Dispose()
        {
            if (_order is not null)
            {
                ArrayPool<int>.Shared.Return(_order);
                _order = null;
            }
        }
    }

    private readonly struct KeyColumnComparer(Entry[] entries, int column, int sign) : IIndexComparer
    {
        public int Compare(int a, int b) => sign * TKey.CompareColumn(entries[a].Key, entries[b].Key, column);
    }

    private readonly struct LongValueComparer(Entry[] entries, int sign) : IIndexComparer
    {
        public int Compare(int a, int b) =>
            sign * ((long)(object)entries[a].Value!).CompareTo((long)(object)entries[b].Value!);
    }

    private readonly struct StringValueComparer(Entry[] entries, int sign) : IIndexComparer
    {
        public int Compare(int a, int b) =>
            sign * ScriptString.Compare((string)(object)entries[a].Value!, (string)(object)entries[b].Value!);
    }

    private readonly struct ExtractedValueComparer(long[] keys, int sign) : IIndexComparer
    {
        public int Compare(int a, int b) => sign * keys[a].CompareTo(keys[b]);
    }
}
