using System.Text;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// frrun -D: everything the rings of a session still hold, oldest first, without moving any
/// read position — so an attached consumer loses nothing and a second dump repeats the first.
/// It works from the files alone: on a dead host it also recovers the record committed just
/// before the crash but not yet published, and skips (and reports) the one it tore. Damaged
/// files are reported and read as far as they can be trusted; reading them never fails.
/// </summary>
public static class SessionDump
{
    public static DumpSummary Dump(SessionPaths paths, IRecordSink sink) => Dump(paths, sink, DumpCursor.DefaultChunkBytes);

    /// <summary>The dump reading at most <paramref name="chunkBytes"/> of payload per ring at a time (tests use small chunks).</summary>
    internal static DumpSummary Dump(SessionPaths paths, IRecordSink sink, long chunkBytes)
    {
        bool hostAlive = false;
        int cpuCount = -1;
        long lostEvents = 0;
        try
        {
            using var header = SessionHeader.Open(paths.HeaderPath, writable: false);
            hostAlive = header.IsHostAlive();
            cpuCount = header.Info.CpuCount;
            lostEvents = header.LostEvents;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Warn(sink, $"the session file of module {paths.Name} is unreadable ({e.Message}); reading its rings anyway");
        }

        var files = RingFiles(paths, cpuCount);
        var rings = new List<RingView>();
        var cursors = new List<DumpCursor>();
        int damaged = 0;
        foreach (var (path, cpu) in files)
        {
            var ring = RingView.Open(path, writable: false, out string? problem);
            if (ring is null)
            {
                damaged++;
                Warn(sink, $"cannot read {Path.GetFileName(path)}: {problem}");
                continue;
            }

            var cursor = new DumpCursor(ring, cpu, Path.GetFileName(path), recoverBeyondHead: !hostAlive && !ring.Closed, chunkBytes);
            cursors.Add(cursor);
            rings.Add(ring);
        }

        try
        {
            return Deliver(cursors, sink, damaged, hostAlive, lostEvents);
        }
        finally
        {
            foreach (var ring in rings)
            {
                ring.Dispose();
            }
        }
    }

    // Loss counters come from ring headers a crash or a stray write may have damaged: a sum
    // saturates instead of overflowing, and a negative count counts as none.
    private static long Total(List<DumpCursor> cursors, Func<DumpCursor, long> count)
    {
        long total = 0;
        foreach (var cursor in cursors)
        {
            long value = Math.Max(0, count(cursor));
            total = value > long.MaxValue - total ? long.MaxValue : total + value;
        }

        return total;
    }

    private static DumpSummary Deliver(List<DumpCursor> cursors, IRecordSink sink, int damaged, bool hostAlive, long lostEvents)
    {
        foreach (var cursor in cursors)
        {
            cursor.Start();
        }

        var data = cursors.Where(c => c.Cpu >= 0).ToList();
        var messages = cursors.Where(c => c.Cpu < 0).ToList();
        var loss = new LossReport();
        loss.Overwritten(sink, 0, Total(data, c => c.Evicted), Total(data, c => c.EvictedBytes), messages: false);
        loss.Dropped(sink, 0, Total(data, c => c.DroppedRecords), Total(data, c => c.DroppedBytes), messages: false);
        loss.Overwritten(sink, 0, Total(messages, c => c.Evicted), Total(messages, c => c.EvictedBytes), messages: true);
        if (lostEvents > 0)
        {
            Warn(sink, $"Number of lost events: {lostEvents}");
        }

        var batches = cursors.Select(c => c.Batch).ToArray();
        var cpus = cursors.Select(c => c.Cpu).ToArray();
        var truncated = new bool[cursors.Count];
        var delivered = new int[cursors.Count];
        long records = 0;
        while (true)
        {
            for (int i = 0; i < cursors.Count; i++)
            {
                truncated[i] = !cursors[i].Complete;
            }

            TimestampMerge.Run(batches, cpus, truncated, delivered, sink);
            for (int i = 0; i < cursors.Count; i++)
            {
                if (cpus[i] >= 0)
                {
                    records += delivered[i];
                }
            }

            bool more = false;
            for (int i = 0; i < cursors.Count; i++)
            {
                var cursor = cursors[i];
                if (!cursor.Complete || delivered[i] < cursor.Batch.Count)
                {
                    // A complete cursor keeps its undelivered records by copying them again.
                    cursor.Continue(delivered[i]);
                    more = true;
                }
                else
                {
                    cursor.Batch.Clear();
                }
            }

            if (!more)
            {
                break;
            }
        }

        int torn = 0;
        foreach (var cursor in cursors)
        {
            if (cursor.Problem is not null)
            {
                damaged++;
                Warn(sink, $"{cursor.FileName}: {cursor.Problem}");
            }

            if (cursor.TornSequence is ulong sequence)
            {
                torn++;
                Warn(sink, $"skipped a record torn by the crash in {cursor.FileName} (sequence {sequence})");
            }

            if (cursor.OverwrittenDuringDump > 0)
            {
                Warn(sink, $"{cursor.FileName}: {cursor.OverwrittenDuringDump} records were overwritten while the dump read them");
            }
        }

        return new DumpSummary(
            records,
            Total(data, c => c.Evicted),
            Total(data, c => c.EvictedBytes),
            Total(data, c => c.DroppedRecords),
            Total(data, c => c.DroppedBytes),
            torn,
            damaged,
            hostAlive);
    }

    /// <summary>The data rings (by the header's CPU count, or every cpuN.ring present) and the message ring (cpu -1).</summary>
    private static List<(string Path, int Cpu)> RingFiles(SessionPaths paths, int cpuCount)
    {
        var files = new List<(string, int)>();
        if (cpuCount > 0)
        {
            for (int cpu = 0; cpu < cpuCount; cpu++)
            {
                files.Add((paths.RingPath(cpu), cpu));
            }
        }
        else if (Directory.Exists(paths.Directory))
        {
            foreach (string path in Directory.GetFiles(paths.Directory, "cpu*.ring"))
            {
                string digits = Path.GetFileNameWithoutExtension(path)[3..];
                if (int.TryParse(digits, out int cpu) && cpu >= 0 && cpu.ToString() == digits)
                {
                    files.Add((path, cpu));
                }
            }

            files.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        }

        files.Add((paths.MessagesPath, -1));
        return files;
    }

    private static void Warn(IRecordSink sink, string text) => sink.Message(0, Encoding.UTF8.GetBytes($"WARNING: {text}\n"));

}
