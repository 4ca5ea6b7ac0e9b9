using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// Finds tracefs and lists its events. available_events is one small read (~2,300 lines, a
/// few ms); only when it is missing do we walk events/*/* (one directory listing per subsystem).
/// </summary>
internal static class TracefsLocator
{
    public const string MountPoint = "/sys/kernel/tracing";

    // Where tracefs shows up when only debugfs is mounted (kernels before 4.1, old setups).
    public const string DebugFsMountPoint = "/sys/kernel/debug/tracing";

    public static readonly string NotMounted =
        $"tracefs is not mounted (looked in {MountPoint} and {DebugFsMountPoint}); mount it with: mount -t tracefs nodev {MountPoint}";

    /// <summary>The tracefs at <paramref name="configured"/> (FLIGHTREC_TRACEFS) when set, else the standard mount points in order.</summary>
    public static TracefsListing FromEnvironment(string? configured)
    {
        if (configured is { Length: > 0 })
        {
            return At(configured, $" (from {TracefsCatalogue.EnvironmentVariable})");
        }

        foreach (string candidate in (ReadOnlySpan<string>)[MountPoint, DebugFsMountPoint])
        {
            if (TryList(candidate) is { } listing)
            {
                return listing;
            }
        }

        return TracefsListing.Unavailable(NotMounted);
    }

    /// <summary>The tracefs at exactly <paramref name="root"/>; <paramref name="origin"/> says where that path came from.</summary>
    public static TracefsListing At(string root, string origin = "")
    {
        if (root.Length == 0 || root.Contains('\0'))
        {
            return TracefsListing.Unavailable($"no tracefs at \"{root.Replace("\0", "\\0")}\"{origin}: not a usable path");
        }

        // Absolute, so later reads (formats, arming) do not depend on the working directory.
        root = Path.GetFullPath(root);
        if (TryList(root) is { } listing)
        {
            return listing;
        }

        return TracefsListing.Unavailable(Directory.Exists(root)
            ? $"no tracefs at {root}{origin}: it has neither available_events nor an events directory"
            : $"no tracefs at {root}{origin}: no such directory");
    }

    // The listing at root, an unavailable listing when it is there but unreadable, or null when
    // nothing is there (an empty mount point, a missing directory).
    private static TracefsListing? TryList(string root)
    {
        string availableEvents = Path.Combine(root, "available_events");
        try
        {
            var (events, eventSet) = ParseAvailableEvents(File.ReadAllText(availableEvents));
            return TracefsListing.Available(root, events, eventSet);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ListEventDirectories(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TracefsListing.Unavailable(TracefsReadError.CannotRead(availableEvents, e));
        }
    }

    // "subsystem:event" per line, in file order, without repeats.
    private static (ImmutableArray<string> Events, HashSet<string> EventSet) ParseAvailableEvents(string text)
    {
        var events = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            int colon = trimmed.IndexOf(':');
            if (colon > 0 && colon < trimmed.Length - 1)
            {
                string name = trimmed.ToString();
                if (seen.Add(name))
                {
                    events.Add(name);
                }
            }
        }

        return (events.ToImmutable(), seen);
    }

    // Fallback without available_events: every events/SUBSYSTEM/EVENT directory, sorted so the
    // order does not depend on the file system.
    private static TracefsListing? ListEventDirectories(string root)
    {
        string eventsDirectory = Path.Combine(root, "events");
        try
        {
            if (!Directory.Exists(eventsDirectory))
            {
                return null;
            }

            var events = new List<string>();
            foreach (string subsystem in Directory.EnumerateDirectories(eventsDirectory))
            {
                string subsystemName = Path.GetFileName(subsystem);
                foreach (string eventDirectory in Directory.EnumerateDirectories(subsystem))
                {
                    events.Add(subsystemName + ":" + Path.GetFileName(eventDirectory));
                }
            }

            events.Sort(StringComparer.Ordinal);
            return TracefsListing.Available(root, [.. events]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TracefsListing.Unavailable(TracefsReadError.CannotRead(eventsDirectory, e));
        }
    }
}
