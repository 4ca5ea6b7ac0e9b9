using System.Collections.Concurrent;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// The kernel's tracepoints as tracefs lists them: names for resolving
/// <c>kernel.trace("SUBSYSTEM:EVENT")</c> (globs included) and, per event, the parsed format
/// that gives <c>$field</c> variables, the record layout and the perf config id.
/// Opening costs nothing; the event list is read once, on first use; each format file is
/// read once, on first use. Safe to share between threads. Never throws except from
/// <see cref="Format"/>, whose errors are <see cref="TracefsException"/>s.
/// </summary>
public sealed class TracefsCatalogue
{
    /// <summary>Overrides where tracefs is looked for (tests; users with unusual mounts).</summary>
    public const string EnvironmentVariable = "FLIGHTREC_TRACEFS";

    private readonly Lazy<TracefsListing> _listing;
    private readonly ConcurrentDictionary<string, TracepointFormat> _formats = new(StringComparer.Ordinal);

    private TracefsCatalogue(Func<TracefsListing> list) => _listing = new Lazy<TracefsListing>(list);

    /// <summary>
    /// $FLIGHTREC_TRACEFS (read now) when set, otherwise /sys/kernel/tracing, then
    /// /sys/kernel/debug/tracing (looked at on first use).
    /// </summary>
    public static TracefsCatalogue Open()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new(() => TracefsLocator.FromEnvironment(configured));
    }

    /// <summary>The tracefs at exactly <paramref name="root"/> (made absolute).</summary>
    public static TracefsCatalogue Open(string root) => new(() => TracefsLocator.At(root));

    /// <summary>
    /// Whether anything has asked this catalogue about the kernel's events yet: a compilation that
    /// never did depends on nothing tracefs says (frstap's script cache relies on this).
    /// </summary>
    public bool Consulted => _listing.IsValueCreated || !_formats.IsEmpty;

    /// <summary>The tracefs directory in use; null when unavailable.</summary>
    public string? Root => _listing.Value.Root;

    public bool IsAvailable => _listing.Value.Root is not null;

    /// <summary>When unavailable: one sentence saying what is wrong and what to do about it.</summary>
    public string? UnavailableReason => _listing.Value.UnavailableReason;

    /// <summary>
    /// "subsystem:event" names from available_events in file order without repeats (or, when
    /// that file is missing, from the events/*/* directories, sorted); empty when unavailable.
    /// </summary>
    public IReadOnlyList<string> Events => _listing.Value.Events;

    /// <summary>Whether <paramref name="subsystemAndEvent"/> is listed, exactly.</summary>
    public bool Contains(string subsystemAndEvent) => _listing.Value.EventSet.Contains(subsystemAndEvent);

    /// <summary>
    /// The events a <c>kernel.trace</c> argument names, in <see cref="Events"/> order. As in stap
    /// (tracepoint_query in tapsets.cxx), the text before the first ':' globs the subsystem and the
    /// rest globs the event name, each with fnmatch; without ':' the pattern globs the event name
    /// in every subsystem (so <c>"sched_switch"</c> and <c>"*:sched_switch"</c> agree). An empty
    /// event part (<c>""</c>, <c>"sched:"</c>) matches nothing; stap rejects it as
    /// "invalid tracepoint string provided".
    /// </summary>
    public IReadOnlyList<string> Match(string pattern)
    {
        int colon = pattern.IndexOf(':');
        string? subsystemPattern = colon < 0 ? null : pattern[..colon];
        string eventPattern = colon < 0 ? pattern : pattern[(colon + 1)..];
        if (eventPattern.Length == 0)
        {
            return [];
        }

        if (subsystemPattern is not null && !TracepointGlob.HasWildcard(pattern))
        {
            return Contains(pattern) ? [pattern] : [];
        }

        var matches = new List<string>();
        foreach (string name in _listing.Value.Events)
        {
            int split = name.IndexOf(':');
            if ((subsystemPattern is null || TracepointGlob.Matches(subsystemPattern, name[..split])) &&
                TracepointGlob.Matches(eventPattern, name[(split + 1)..]))
            {
                matches.Add(name);
            }
        }

        return matches;
    }

    /// <summary>
    /// The parsed events/SUBSYSTEM/EVENT/format (read once, then cached); a
    /// <see cref="TracefsException"/> when tracefs is unavailable, the name is not
    /// SUBSYSTEM:EVENT, or the file is missing, unreadable or malformed.
    /// </summary>
    public TracepointFormat Format(string subsystemAndEvent)
    {
        if (_formats.TryGetValue(subsystemAndEvent, out var cached))
        {
            return cached;
        }

        int colon = subsystemAndEvent.IndexOf(':');
        if (colon <= 0 || !IsPathComponent(subsystemAndEvent[..colon]) || !IsPathComponent(subsystemAndEvent[(colon + 1)..]))
        {
            throw new TracefsException($"invalid tracepoint name \"{subsystemAndEvent}\": expected SUBSYSTEM:EVENT");
        }

        var listing = _listing.Value;
        if (listing.Root is null)
        {
            throw new TracefsException(listing.UnavailableReason!);
        }

        string subsystem = subsystemAndEvent[..colon];
        string name = subsystemAndEvent[(colon + 1)..];
        string path = Path.Combine(listing.Root, "events", subsystem, name, "format");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TracefsException($"no tracepoint {subsystemAndEvent}: {path} does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TracefsException(TracefsReadError.CannotRead(path, e), e);
        }

        return _formats.GetOrAdd(subsystemAndEvent, TracepointFormatParser.Parse(text, path, subsystem, name));
    }

    // One directory name: no separators, not "." or ".." (a name must not walk out of events/).
    private static bool IsPathComponent(string part) =>
        part.Length > 0 && part is not ("." or "..") && !part.Contains('/') && !part.Contains('\0');
}
