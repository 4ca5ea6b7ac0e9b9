using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Collections;

/// <summary>
/// A script associative array (LANGUAGE.md §4.1, §5.4–§5.6): keys of 1–9 long/string columns
/// (<see cref="Key1{T1}"/> … <see cref="Key9{T1, T2, T3, T4, T5, T6, T7, T8, T9}"/>), values
/// long, string or statistics.
/// <para>
/// Layout: slots in one array, chained into hash buckets and into two doubly linked lists —
/// the <em>list order</em> that unsorted <c>foreach</c> follows (creation order until a sort
/// rewrites it, as stap's sort reorders its element list in place) and the <em>age order</em>
/// (creation order, never reordered) that a wrap map evicts from. Lookups and updates of
/// existing keys allocate nothing; the slot array grows by doubling up to the capacity.
/// </para>
/// <para>
/// Not thread-safe: the generated code holds the global's lock (LANGUAGE.md §5.13) around
/// every call, including the whole of a <c>foreach</c>.
/// </para>
/// </summary>
public sealed partial class ScriptMap<TKey, TValue>
    where TKey : struct, IScriptMapKey<TKey>
{
    private const int None = -1;
    private const int InitialSlots = 8;

    private static readonly TValue MissingValue = typeof(TValue) == typeof(string) ? (TValue)(object)"" : default!;

    private readonly Func<TValue>? _newValue;
    private Entry[] _entries;
    private int[] _buckets; // slot index + 1; 0 = empty bucket
    private int _bucketShift; // 32 − log2(bucket count), for Fibonacci hashing
    private int _slotsUsed; // slots ever handed out (the rest of _entries is untouched)
    private int _freeList = None;
    private int _orderHead = None;
    private int _orderTail = None;
    private int _ageHead = None;
    private int _ageTail = None;

    /// <param name="capacity">The most elements the map holds: <c>N</c> of <c>global a[N]</c>, else MAXMAPENTRIES.</param>
    /// <param name="sizeDeclared">Whether the capacity came from <c>global a[N]</c>; selects the overflow message.</param>
    /// <param name="wrap">A <c>global a%</c> map: a new key in a full map evicts the oldest-created element.</param>
    /// <param name="newValue">
    /// Creates the value of a new element; null means 0 / "" / default. Statistics maps pass
    /// their accumulator's constructor here.
    /// </param>
    /// <param name="keepSortedOrder">
    /// Whether a sorted foreach leaves the map in the sorted order (true for long and string
    /// maps, as stap). Statistics maps pass false: their unsorted order is always creation order.
    /// </param>
    public ScriptMap(int capacity, bool sizeDeclared, bool wrap = false, Func<TValue>? newValue = null, bool keepSortedOrder = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        TKey.ValidateColumnTypes();
        Capacity = capacity;
        SizeDeclared = sizeDeclared;
        Wraps = wrap;
        KeepsSortedOrder = keepSortedOrder;
        _newValue = newValue;
        int slots = Math.Min(capacity, InitialSlots);
        _entries = new Entry[slots];
        AllocateBuckets(slots);
    }

    /// <summary>A map sized by <c>global a[N]</c> (or <c>global a%[N]</c>).</summary>
    public static ScriptMap<TKey, TValue> Declared(int size, bool wrap = false, Func<TValue>? newValue = null, bool keepSortedOrder = true) =>
        new(size, sizeDeclared: true, wrap, newValue, keepSortedOrder);

    /// <summary>A map without a declared size: MAXMAPENTRIES elements.</summary>
    public static ScriptMap<TKey, TValue> Default(ScriptLimits limits, bool wrap = false, Func<TValue>? newValue = null, bool keepSortedOrder = true) =>
        new(limits.MaxMapEntries, sizeDeclared: false, wrap, newValue, keepSortedOrder);

    public int Capacity { get; }

    public bool SizeDeclared { get; }

    public bool Wraps { get; }

    public bool KeepsSortedOrder { get; }

    public int Count { get; private set; }

    /// <summary>The value of <paramref name="key"/>, or 0 / "" / default when absent; never creates the element.</summary>
    public TValue Get(in TKey key)
    {
        int slot = Find(key, key.GetHashCode());
        return slot == None ? MissingValue : _entries[slot].Value;
    }

    public bool TryGetValue(in TKey key, out TValue value)
    {
        int slot = Find(key, key.GetHashCode());
        if (slot == None)
        {
            value = MissingValue;
            return false;
        }

        value = _entries[slot].Value;
        return true;
    }

    /// <summary>
    /// A reference to the value of <paramref name="key"/>, or a null reference when absent
    /// (test with <see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>). Valid until the map changes.
    /// </summary>
    public ref TValue GetValueRefOrNullRef(in TKey key)
    {
        int slot = Find(key, key.GetHashCode());
        if (slot == None)
        {
            return ref Unsafe.NullRef<TValue>();
        }

        return ref _entries[slot].Value;
    }

    public bool Contains(in TKey key) => Find(key, key.GetHashCode()) != None;

    /// <summary><c>a[k] = v</c>: creates or overwrites; 0 and "" are stored like any value.</summary>
    /// <param name="near">Token description for the overflow error, e.g. "identifier 'a' at t.frs:3:5".</param>
    public void Set(in TKey key, TValue value, string? near) => GetOrAdd(key, near) = value;

    /// <summary>
    /// The slot of <paramref name="key"/>, creating the element (value from the factory, else
    /// 0 / "" / default) when absent: the primitive behind <c>++</c>, <c>+=</c>, <c>.=</c>,
    /// <c>&lt;&lt;&lt;</c>. The reference is valid until the map changes.
    /// </summary>
    /// <exception cref="ScriptError">The key is new and the map is full (and does not wrap).</exception>
    public ref TValue GetOrAdd(in TKey key, string? near) => ref GetOrAdd(key, near, out _);

    public ref TValue GetOrAdd(in TKey key, string? near, out bool added)
    {
        int hash = key.GetHashCode();
        int slot = Find(key, hash);
        added = slot == None;
        if (added)
        {
            slot = Insert(key, hash, near);
        }

        return ref _entries[slot].Value;
    }

    /// <summary><c>delete a[k]</c>: removes the element if present.</summary>
    public bool Remove(in TKey key)
    {
        int slot = Find(key, key.GetHashCode());
        if (slot == None)
        {
            return false;
        }

        RemoveSlot(slot);
        return true;
    }

    /// <summary>
    /// <c>[k1, *] in a</c>: whether any element matches <paramref name="pattern"/> in the
    /// columns set in <paramref name="fixedColumns"/> (the others are <c>*</c>).
    /// </summary>
    public bool ContainsMatch(in TKey pattern, int fixedColumns)
    {
        if (IsWholeKey(fixedColumns))
        {
            return Contains(pattern);
        }

        for (int slot = _orderHead; slot != None; slot = _entries[slot].OrderNext)
        {
            if (_entries[slot].Key.Matches(pattern, fixedColumns))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>delete a[*, k2]</c>: removes every element matching the non-<c>*</c> columns; returns how many.</summary>
    public int RemoveMatches(in TKey pattern, int fixedColumns)
    {
        if (IsWholeKey(fixedColumns))
        {
            return Remove(pattern) ? 1 : 0;
        }

        int removed = 0;
        int slot = _orderHead;
        while (slot != None)
        {
            int next = _entries[slot].OrderNext;
            if (_entries[slot].Key.Matches(pattern, fixedColumns))
            {
                RemoveSlot(slot);
                removed++;
            }

            slot = next;
        }

        return removed;
    }

    /// <summary><c>delete a</c>: removes every element; capacity is free again.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, _slotsUsed);
        Array.Clear(_buckets);
        _slotsUsed = 0;
        _freeList = None;
        _orderHead = _orderTail = _ageHead = _ageTail = None;
        Count = 0;
    }

    private static bool IsWholeKey(int fixedColumns)
    {
        int all = (1 << TKey.Arity) - 1;
        return (fixedColumns & all) == all;
    }

    [MemberNotNull(nameof(_buckets))]
    private void AllocateBuckets(int slots)
    {
        int count = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(slots, 2, 1 << 30));
        _buckets = new int[count];
        _bucketShift = 32 - BitOperations.Log2((uint)count);
    }

    /// <summary>
    /// Fibonacci hashing: the multiply spreads keys that differ only in high bits (page-aligned
    /// addresses, multiples of a power of two) over all buckets, which masking alone would not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _bucketShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(in TKey key, int hash)
    {
        Entry[] entries = _entries;
        int slot = _buckets[BucketOf(hash)] - 1;
        while (slot >= 0)
        {
            ref Entry entry = ref entries[slot];
            if (entry.Hash == hash && entry.Key.Equals(key))
            {
                return slot;
            }

            slot = entry.NextInBucket;
        }

        return None;
    }

    private int Insert(in TKey key, int hash, string? near)
    {
        if (Count == Capacity)
        {
            if (!Wraps)
            {
                throw Overflow(near);
            }

            RemoveSlot(_ageHead);
        }

        int slot = TakeFreeSlot();
        ref Entry entry = ref _entries[slot];
        entry.Key = key;
        entry.Value = _newValue is null ? MissingValue : _newValue();
        entry.Hash = hash;
        int bucket = BucketOf(hash);
        entry.NextInBucket = _buckets[bucket] - 1;
        _buckets[bucket] = slot + 1;

        entry.OrderPrev = _orderTail;
        entry.OrderNext = None;
        if (_orderTail == None)
        {
            _orderHead = slot;
        }
        else
        {
            _entries[_orderTail].OrderNext = slot;
        }

        _orderTail = slot;

        entry.AgePrev = _ageTail;
        entry.AgeNext = None;
        if (_ageTail == None)
        {
            _ageHead = slot;
        }
        else
        {
            _entries[_ageTail].AgeNext = slot;
        }

        _ageTail = slot;
        Count++;
        return slot;
    }

    private ScriptError Overflow(string? near) =>
        new(SizeDeclared ? $"Array overflow, check size limit ({Capacity})" : "Array overflow, check MAXMAPENTRIES", near);

    private int TakeFreeSlot()
    {
        if (_freeList != None)
        {
            int free = _freeList;
            _freeList = _entries[free].NextInBucket;
            return free;
        }

        if (_slotsUsed == _entries.Length)
        {
            Grow();
        }

        return _slotsUsed++;
    }

    private void Grow()
    {
        int slots = (int)Math.Min((long)_entries.Length * 2, Capacity);
        Array.Resize(ref _entries, slots);
        AllocateBuckets(slots);
        for (int slot = 0; slot < _slotsUsed; slot++)
        {
            // Only called with no free slots, so every slot below _slotsUsed holds an element.
            ref Entry entry = ref _entries[slot];
            int bucket = BucketOf(entry.Hash);
            entry.NextInBucket = _buckets[bucket] - 1;
            _buckets[bucket] = slot + 1;
        }
    }

    private void RemoveSlot(int slot)
    {
        ref Entry entry = ref _entries[slot];
        int bucket = BucketOf(entry.Hash);
        int current = _buckets[bucket] - 1;
        if (current == slot)
        {
            _buckets[bucket] = entry.NextInBucket + 1;
        }
        else
        {
            while (_entries[current].NextInBucket != slot)
            {
                current = _entries[current].NextInBucket;
            }

            _entries[current].NextInBucket = entry.NextInBucket;
        }

        if (entry.OrderPrev == None)
        {
            _orderHead = entry.OrderNext;
        }
        else
        {
            _entries[entry.OrderPrev].OrderNext = entry.OrderNext;
        }

        if (entry.OrderNext == None)
        {
            _orderTail = entry.OrderPrev;
        }
        else
        {
            _entries[entry.OrderNext].OrderPrev = entry.OrderPrev;
        }

        if (entry.AgePrev == None)
        {
            _ageHead = entry.AgeNext;
        }
        else
        {
            _entries[entry.AgePrev].AgeNext = entry.AgeNext;
        }

        if (entry.AgeNext == None)
        {
            _ageTail = entry.AgePrev;
        }
        else
        {
            _entries[entry.AgeNext].AgePrev = entry.AgePrev;
        }

        entry = default; // drop string and statistics references for the GC
        entry.NextInBucket = _freeList;
        _freeList = slot;
        Count--;
    }

    private struct Entry
    {
        public TKey Key;
        public TValue Value;
        public int Hash;
        public int NextInBucket;
        public int OrderPrev;
        public int OrderNext;
        public int AgePrev;
        public int AgeNext;
    }
}
