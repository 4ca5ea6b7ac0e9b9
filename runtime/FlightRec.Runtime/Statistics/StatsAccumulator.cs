namespace FlightRec.Runtime.Statistics;

/// <summary>
/// One CPU slot's partial aggregate (stap's per-CPU <c>stat_data</c>). Only the thread that
/// owns the slot writes it, under the shared global lock; readers merge all slots under the
/// exclusive lock, so no field needs atomics.
/// </summary>
internal sealed class StatsAccumulator(StatsDescriptor descriptor)
{
    private readonly StatsDescriptor _descriptor = descriptor;

    public long Count;
    public long Sum;
    public long Min;
    public long Max;

    /// <summary>Running mean of the shifted samples, updated with truncating integer steps.</summary>
    public long AverageScaled;

    /// <summary>Welford's M2 over the shifted samples.</summary>
    public long M2;

    public readonly long[] Buckets = new long[descriptor.Histogram.BucketCount];

    /// <summary>
    /// stap's <c>__stp_stat_add</c>, including its quirk: <c>delta</c> lives in a C <c>int</c>,
    /// so it is truncated to 32 bits before it updates the mean and M2. Arithmetic wraps.
    /// </summary>
    public void Add(long value)
    {
        var descriptor = _descriptor;
        if (Count == 0)
        {
            Count = 1;
            Sum = Min = Max = value;
            AverageScaled = value << descriptor.BitShift;
            M2 = 0;
        }
        else
        {
            long count = ++Count;
            Sum = unchecked(Sum + value);
            if (value > Max)
            {
                Max = value;
            }

            if (value < Min)
            {
                Min = value;
            }

            if (descriptor.TracksVariance)
            {
                long scaled = value << descriptor.BitShift;
                int delta = unchecked((int)(scaled - AverageScaled));

                // delta fits in 32 bits, so below 2^31 samples a 32-bit division gives the same quotient, faster.
                long step = count <= int.MaxValue ? delta / (int)count : delta / count;
                AverageScaled = unchecked(AverageScaled + step);
                M2 = unchecked(M2 + ((long)delta * (scaled - AverageScaled)));
            }
        }

        if (Buckets.Length != 0)
        {
            Buckets[descriptor.Histogram.BucketOf(value)]++;
        }
    }

    /// <summary>stap's <c>variance_s</c>: M2 / (count − 1), and nothing to contribute below two samples.</summary>
    public long VarianceScaled => Count < 2 ? 0 : M2 / (Count - 1);

    public void Clear()
    {
        Count = Sum = Min = Max = AverageScaled = M2 = 0;
        Array.Clear(Buckets);
    }
}
