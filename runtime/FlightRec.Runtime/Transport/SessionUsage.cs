namespace FlightRec.Runtime.Transport;

/// <summary>
/// Buffer use of a session's data rings read from their headers alone (frrun --list): no
/// record is touched, so it costs the same for an empty ring and a full 4 GB one.
/// </summary>
public static class SessionUsage
{
    /// <summary>One entry per readable data ring (cpuN.ring), in CPU order; unreadable rings are left out.</summary>
    public static IReadOnlyList<RingUsage> Of(SessionPaths paths, int cpuCount)
    {
        var usage = new List<RingUsage>();
        for (int cpu = 0; cpu < cpuCount; cpu++)
        {
            using var ring = RingView.Open(paths.RingPath(cpu), writable: false, out _);
            if (ring is null || !ring.TryGetBounds(out long head, out long tail))
            {
                continue;
            }

            long consumed = Math.Clamp(ring.ConsumerPosition, tail, head);
            usage.Add(new RingUsage(cpu, head - tail, head - consumed, ring.Capacity, Math.Max(0, ring.DroppedRecords)));
        }

        return usage;
    }
}
