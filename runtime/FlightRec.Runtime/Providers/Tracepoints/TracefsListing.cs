using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>What one look at tracefs found: the root and its events, or why there is none.</summary>
internal sealed class TracefsListing
{
    private TracefsListing(string? root, string? unavailableReason, ImmutableArray<string> events, HashSet<string>? eventSet = null)
    {
        Root = root;
        UnavailableReason = unavailableReason;
        Events = events;
        EventSet = eventSet ?? events.ToHashSet(StringComparer.Ordinal);
    }

    public string? Root { get; }

    public string? UnavailableReason { get; }

    public ImmutableArray<string> Events { get; }

    public HashSet<string> EventSet { get; }

    /// <summary>A listing of <paramref name="events"/>; <paramref name="eventSet"/>, when given, must hold exactly them.</summary>
    public static TracefsListing Available(string root, ImmutableArray<string> events, HashSet<string>? eventSet = null) =>
        new(root, null, events, eventSet);

    public static TracefsListing Unavailable(string reason) => new(null, reason, []);
}
