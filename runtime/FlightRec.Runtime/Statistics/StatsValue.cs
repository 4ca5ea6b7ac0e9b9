using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Statistics;

/// <summary>
/// One stats value — a global stats scalar or one element of a stats array — as per-CPU
/// partial aggregates (DESIGN.md, LANGUAGE.md §5.13). <see cref="Add"/> is <c>s &lt;&lt;&lt; v</c>:
/// it touches only the caller's slot, so handlers holding the shared lock may add
/// concurrently as long as each uses its own slot. Everything that reads (extractors,
/// bucket access, printing, foreach) merges the slots and must run under the exclusive lock,
/// as must <see cref="Clear"/>.
/// </summary>
public sealed class StatsValue
{
    private readonly StatsAccumulator?[] _slots;

    public StatsValue(StatsDescriptor descriptor, int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotCount, 1);
        Descriptor = descriptor;
        _slots = new StatsAccumulator?[slotCount];
    }

    public StatsDescriptor Descriptor { get; }

    public HistogramShape Histogram => Descriptor.Histogram;

    public int SlotCount => _slots.Length;

    /// <summary><c>s &lt;&lt;&lt; value</c> from the handler running on <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int slot, long value) => (_slots[slot] ?? CreateSlot(slot)).Add(value);

    /// <summary><c>delete s</c>: back to empty (count 0), histogram included.</summary>
    public void Clear()
    {
        foreach (var accumulator in _slots)
        {
            accumulator?.Clear();
        }
    }

    /// <summary>The number of samples, without merging anything else (cheap <c>@count</c>).</summary>
    public long Count
    {
        get
        {
            long count = 0;
            foreach (var accumulator in _slots)
            {
                count += accumulator?.Count ?? 0;
            }

            return count;
        }
    }

    /// <summary>
    /// Merges the slots as stap's <c>_stp_stat_get</c> does: count, sum, min and max directly,
    /// the variance with the total-variance formula S1 + S2 over the slots' scaled means and
    /// variances. Allocates nothing.
    /// </summary>
    public StatsSnapshot Read()
    {
        long count = 0, sum = 0, min = 0, max = 0;
        foreach (var accumulator in _slots)
        {
            if (accumulator is null || accumulator.Count == 0)
            {
                continue;
            }

            if (count == 0)
            {
                min = accumulator.Min;
                max = accumulator.Max;
            }

            count += accumulator.Count;
            sum = unchecked(sum + accumulator.Sum);
            max = Math.Max(max, accumulator.Max);
            min = Math.Min(min, accumulator.Min);
        }

        return count == 0 ? StatsSnapshot.Empty : new StatsSnapshot(count, sum, min, max, MergeVariance(count, sum));
    }

    /// <summary>
    /// Reads a statistics-array element. stap merges an element's per-CPU parts pairwise as
    /// it copies them into the aggregated map (<c>_new_map_copy_stat</c>): the first part is
    /// taken as it is — its own running variance — and each further part is folded in with
    /// the total-variance formula. Scalars use <see cref="Read"/>; the two differ in rounding.
    /// </summary>
    public StatsSnapshot ReadElement()
    {
        long count = 0, sum = 0, min = 0, max = 0, averageScaled = 0, varianceScaled = 0;
        int shift = Descriptor.BitShift;
        unchecked
        {
            foreach (var part in _slots)
            {
                if (part is null || part.Count == 0)
                {
                    continue;
                }

                if (count == 0)
                {
                    (count, sum, min, max) = (part.Count, part.Sum, part.Min, part.Max);
                    (averageScaled, varianceScaled) = (part.AverageScaled, part.VarianceScaled);
                    continue;
                }

                long firstCount = count, firstAverage = averageScaled;
                count += part.Count;
                sum += part.Sum;
                min = Math.Min(min, part.Min);
                max = Math.Max(max, part.Max);
                averageScaled = (sum << shift) / count;
                long s11 = firstCount * (firstAverage - averageScaled) * (firstAverage - averageScaled);
                long s12 = (firstCount - 1) * varianceScaled;
                long s21 = part.Count * (part.AverageScaled - averageScaled) * (part.AverageScaled - averageScaled);
                long s22 = (part.Count - 1) * part.VarianceScaled;
                varianceScaled = count == 1 ? 0 : (s11 + s12 + s21 + s22) / (count - 1);
            }

            return count == 0
                ? StatsSnapshot.Empty
                : new StatsSnapshot(count, sum, min, max, varianceScaled >> (2 * shift));
        }
    }

    private long MergeVariance(long count, long sum)
    {
        int shift = Descriptor.BitShift;
        long averageScaled = unchecked(sum << shift) / count;
        long s1 = 0, s2 = 0;
        unchecked
        {
            foreach (var accumulator in _slots)
            {
                if (accumulator is null || accumulator.Count == 0)
                {
                    continue;
                }

                long deviation = accumulator.AverageScaled - averageScaled;
                s1 += accumulator.Count * deviation * deviation;
                s2 += (accumulator.Count - 1) * accumulator.VarianceScaled;
            }

            // _stp_div64 yields 0 for a zero divisor: one sample has variance 0. A shift of
            // 2·shift ≥ 64 is masked to its low 6 bits, as x86's sar does for stap's C.
            long varianceScaled = count == 1 ? 0 : (s1 + s2) / (count - 1);
            return varianceScaled >> (2 * shift);
        }
    }

    /// <summary>
    /// <c>@hist_…(s)[index]</c>: <c>empty aggregate</c> when there are no samples (stap checks
    /// that first), <c>histogram index out of range</c> outside 0…buckets−1.
    /// </summary>
    public long Bucket(long index, string? near = null)
    {
        if (Count == 0)
        {
            throw StatsErrors.EmptyAggregate(near);
        }

        if (index < 0 || index >= Histogram.BucketCount)
        {
            throw StatsErrors.IndexOutOfRange(near);
        }

        long total = 0;
        foreach (var accumulator in _slots)
        {
            total += accumulator?.Buckets[index] ?? 0;
        }

        return total;
    }

    /// <summary>
    /// The merged histogram, for printing and for <c>foreach (b in @hist_…(s))</c>, which
    /// visits every bucket (empty ones too) and raises no error on an empty value.
    /// </summary>
    public HistogramSnapshot ReadHistogram()
    {
        var buckets = new long[Histogram.BucketCount];
        long count = 0;
        foreach (var accumulator in _slots)
        {
            if (accumulator is null)
            {
                continue;
            }

            count += accumulator.Count;
            for (int i = 0; i < buckets.Length; i++)
            {
                buckets[i] += accumulator.Buckets[i];
            }
        }

        return new HistogramSnapshot(Histogram, count, buckets);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private StatsAccumulator CreateSlot(int slot)
    {
        // Only the slot's owner creates it; the exchange just keeps a racing reader's view sane.
        Interlocked.CompareExchange(ref _slots[slot], new StatsAccumulator(Descriptor), null);
        return _slots[slot]!;
    }
}
