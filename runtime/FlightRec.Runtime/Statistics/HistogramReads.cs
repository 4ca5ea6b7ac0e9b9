namespace FlightRec.Runtime.Statistics;

/// <summary>
/// Histogram reads of an aggregate that may be absent — an element of an array of aggregates
/// that was never added to — as generated code needs them.
/// </summary>
public static class HistogramReads
{
    /// <summary>
    /// <c>@hist_…(s)[index]</c>: stap checks for an absent or empty aggregate (<c>empty
    /// aggregate</c>) before the index (<c>histogram index out of range</c>).
    /// </summary>
    public static long Bucket(long index, StatsValue? value, string? near = null) =>
        value is null ? throw StatsErrors.EmptyAggregate(near) : value.Bucket(index, near);

    /// <summary>The merged histogram, or every bucket 0 when the element is absent.</summary>
    public static HistogramSnapshot Read(StatsValue? value, StatsDescriptor descriptor) =>
        value?.ReadHistogram() ?? new HistogramSnapshot(descriptor.Histogram, 0, new long[descriptor.Histogram.BucketCount]);
}
