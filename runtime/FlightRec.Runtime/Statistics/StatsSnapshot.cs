namespace FlightRec.Runtime.Statistics;

/// <summary>
/// The merged scalar aggregates of one stats value at the time it was read, and the
/// extractors (LANGUAGE.md §7.1): <c>@count</c> and <c>@sum</c> are 0 when empty, the others
/// raise <c>empty aggregate</c> near the caller's <c>@op</c> token.
/// </summary>
public readonly struct StatsSnapshot(long count, long sum, long min, long max, long variance)
{
    private readonly long _min = min;
    private readonly long _max = max;
    private readonly long _variance = variance;

    public static StatsSnapshot Empty => default;

    public long Count { get; } = count;

    public long Sum { get; } = sum;

    public bool IsEmpty => Count == 0;

    public long Min(string? near = null) => IsEmpty ? throw StatsErrors.EmptyAggregate(near) : _min;

    public long Max(string? near = null) => IsEmpty ? throw StatsErrors.EmptyAggregate(near) : _max;

    /// <summary>sum / count truncated toward zero (count ≥ 1, so C's division is C#'s).</summary>
    public long Avg(string? near = null) => IsEmpty ? throw StatsErrors.EmptyAggregate(near) : Sum / Count;

    /// <summary>The integer variance of §7.2, already shifted back by the variable's bit shift.</summary>
    public long Variance(string? near = null) => IsEmpty ? throw StatsErrors.EmptyAggregate(near) : _variance;
}
