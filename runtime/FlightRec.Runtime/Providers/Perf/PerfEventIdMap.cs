namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// Kernel event id (PERF_EVENT_IOC_ID) to the index of the caller's event specification. Built once
/// when the events are opened; the lookup is a binary search over sorted arrays, so it never allocates.
/// </summary>
public sealed class PerfEventIdMap
{
    private readonly ulong[] _ids;
    private readonly int[] _indexes;

    public PerfEventIdMap(IEnumerable<KeyValuePair<ulong, int>> idToIndex)
    {
        var pairs = idToIndex.OrderBy(pair => pair.Key).ToArray();
        _ids = [.. pairs.Select(pair => pair.Key)];
        _indexes = [.. pairs.Select(pair => pair.Value)];
    }

    public static PerfEventIdMap Empty { get; } = new([]);

    public int Count => _ids.Length;

    /// <summary>The specification index of <paramref name="id"/>, or -1 when it is not ours.</summary>
    public int IndexOf(ulong id)
    {
        // Hand-written: Array.BinarySearch goes through a comparer, a measurable share of a decode.
        ulong[] ids = _ids;
        int low = 0;
        int high = ids.Length - 1;
        while (low <= high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            ulong candidate = ids[middle];
            if (candidate == id)
            {
                return _indexes[middle];
            }

            if (candidate < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
