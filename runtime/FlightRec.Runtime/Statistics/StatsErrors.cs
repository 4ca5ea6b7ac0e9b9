using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Statistics;

/// <summary>The runtime errors of aggregates (LANGUAGE.md §5.15), with the caller's near token.</summary>
public static class StatsErrors
{
    public const string EmptyAggregateMessage = "empty aggregate";

    public const string IndexOutOfRangeMessage = "histogram index out of range";

    public static ScriptError EmptyAggregate(string? near) => new(EmptyAggregateMessage, near);

    public static ScriptError IndexOutOfRange(string? near) => new(IndexOutOfRangeMessage, near);
}
