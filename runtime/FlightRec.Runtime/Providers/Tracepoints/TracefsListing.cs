using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>What one look at tracefs found: the root and its events, or why there is none.</summary>
internal sealed class TracefsListing
{
    private TracefsListing(string? root, string? unavailableReason, ImmutableArray<string> events)
    {
        Root = root;
        UnavailableReason = unavailableReason;
        Events = events;
        EventSet = events.ToHashSet(StringComparer.Ordinal);
    }

    public string? Root { get; }

    public string? UnavailableReason { get; }

    public ImmutableArray<string> Events { get; }

    public HashSet<string> EventSet { get; }

    public static TracefsListing Available(string root, ImmutableArray<string> events) => new(root, null, events);

    public static TracefsListing Unavailable(string reason) => new(null, reason, []);
}
