using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Statistics;

/// <summary>
/// The histogram a stats variable keeps, fixed by the compiler (LANGUAGE.md §7.3): none, linear
/// <c>@hist_linear(s, start, stop, interval)</c> with under- and overflow buckets, or log
/// <c>@hist_log(s)</c> with 128 buckets centred on 0. Maps samples to buckets and buckets to
/// the values printed in the first column.
/// </summary>
public sealed class HistogramShape
{
    public const int LogBucketCount = 128;

    /// <summary>The log bucket holding 0; positive samples lie above it, negative ones below.</summary>
    public const int LogZeroBucket = 64;

    /// <summary>Linear: the smallest <c>value − Start</c> that lands in the overflow bucket.</summary>
    private readonly ulong _overflowOffset;

    private HistogramShape(HistogramKind kind, int start, int stop, int interval, int bucketCount)
    {
        Kind = kind;
        Start = start;
        Stop = stop;
        Interval = interval;
        BucketCount = bucketCount;
        _overflowOffset = kind == HistogramKind.Linear ? (ulong)interval * (ulong)(bucketCount - 2) : 0;
    }

    public static HistogramShape None { get; } = new(HistogramKind.None, 0, 0, 0, 0);

    public static HistogramShape Log { get; } = new(HistogramKind.Log, 0, 0, 0, LogBucketCount);

    public HistogramKind Kind { get; }

    /// <summary>Linear only. stap keeps start, stop and interval as C ints.</summary>
    public int Start { get; }

    public int Stop { get; }

    public int Interval { get; }

    /// <summary>Linear: regular buckets + underflow + overflow; log: 128; none: 0.</summary>
    public int BucketCount { get; }

    /// <summary>A linear shape, or an exception carrying <see cref="ValidateLinear"/>'s message.</summary>
    public static HistogramShape Linear(long start, long stop, long interval, int maxBuckets = 128) =>
        ValidateLinear(start, stop, interval, maxBuckets) is { } error
            ? throw new ArgumentException(error)
            : new HistogramShape(HistogramKind.Linear, (int)start, (int)stop, (int)interval, (int)((stop - start) / interval) + 3);

    /// <summary>
    /// Checks <c>@hist_linear</c>'s literal parameters for the compiler: stap only warns at module
    /// start-up and then records nothing, FlightRec rejects the script instead. Returns null when
    /// the parameters are usable, else the message to report.
    /// </summary>
    public static string? ValidateLinear(long start, long stop, long interval, int maxBuckets = 128)
    {
        if (!FitsInInt(start) || !FitsInInt(stop) || !FitsInInt(interval) || !FitsInInt(stop - start))
        {
            return $"histogram: start ({start}), stop ({stop}), interval ({interval}) and stop - start must each fit in 32 bits";
        }

        if (interval == 0)
        {
            return "histogram: interval cannot be zero.";
        }

        if (interval < 0)
        {
            return $"histogram: interval must be positive (got {interval})";
        }

        // C int division truncates toward zero, so a stop a little below start still gives one bucket.
        long regular = (stop - start) / interval + 1;
        if (regular < 1 || regular > maxBuckets - 2)
        {
            return $"histogram: number of buckets must be between 1 and {maxBuckets - 2}, " +
                $"got {regular} = (stop - start) / interval + 1 for start {start}, stop {stop}, interval {interval}";
        }

        return null;
    }

    /// <summary>The bucket a sample is counted in (src <c>__stp_stat_add</c>, <c>_stp_val_to_bucket</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BucketOf(long value)
    {
        if (Kind == HistogramKind.Log)
        {
            return LogBucketOf(value);
        }

        // Wrapping subtraction as in C: an offset that wraps negative counts as underflow.
        long offset = unchecked(value - Start);
        if (offset < 0)
        {
            return 0;
        }

        // Overflow needs no division, and most in-range offsets fit a (faster) 32-bit division.
        if ((ulong)offset >= _overflowOffset)
        {
            return BucketCount - 1;
        }

        ulong regular = offset <= uint.MaxValue ? (uint)offset / (uint)Interval : (ulong)offset / (ulong)Interval;
        return (int)regular + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LogBucketOf(long value)
    {
        if (value == 0)
        {
            return LogZeroBucket;
        }

        // |long.MinValue| is 2^63 as an unsigned number: bucket 128, mirrored to 0.
        ulong magnitude = value < 0 ? unchecked((ulong)-value) : (ulong)value;
        int bucket = LogZeroBucket + 1 + BitOperations.Log2(magnitude);
        return value < 0 ? LogBucketCount - bucket : bucket;
    }

    /// <summary>The value a log bucket is labelled with (src <c>_stp_bucket_to_val</c>).</summary>
    public static long LogBucketLabel(int bucket) => bucket switch
    {
        LogZeroBucket => 0,
        < LogZeroBucket => long.MinValue >> bucket,
        _ => 1L << (bucket - LogZeroBucket - 1),
    };

    private static bool FitsInInt(long value) => value is >= int.MinValue and <= int.MaxValue;
}
