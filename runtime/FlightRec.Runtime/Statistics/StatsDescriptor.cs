namespace FlightRec.Runtime.Statistics;

/// <summary>
/// What the compiler knows about one stats variable (or every element of a stats array): its
/// histogram, the bit shift of its <c>@variance(s, shift)</c> (one per variable), and whether
/// the script reads <c>@variance</c> at all — stap only runs the variance update when it does
/// (STAT_OP_VARIANCE), and skipping it keeps <c>&lt;&lt;&lt;</c> free of a 64-bit division.
/// </summary>
public sealed class StatsDescriptor
{
    /// <summary>The largest shift for which <c>v &lt;&lt; shift</c> keeps a sign bit to spare.</summary>
    public const int MaxBitShift = 62;

    public StatsDescriptor(HistogramShape histogram, int bitShift = 0, bool tracksVariance = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bitShift);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitShift, MaxBitShift);
        Histogram = histogram;
        BitShift = bitShift;
        TracksVariance = tracksVariance;
    }

    public static StatsDescriptor Plain { get; } = new(HistogramShape.None);

    public HistogramShape Histogram { get; }

    public int BitShift { get; }

    public bool TracksVariance { get; }
}
