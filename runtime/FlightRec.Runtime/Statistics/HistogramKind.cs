namespace FlightRec.Runtime.Statistics;

/// <summary>The one histogram a stats variable may carry (LANGUAGE.md §7.1: one kind per variable).</summary>
public enum HistogramKind
{
    None,
    Linear,
    Log,
}
