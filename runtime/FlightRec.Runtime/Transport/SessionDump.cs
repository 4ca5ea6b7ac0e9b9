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
    private const int Attempts = 8;

    public static DumpSummary Dump(SessionPaths paths, IRecordSink sink)
    {
        bool hostAlive = false;
        int cpuCount = -1;
        try
        {
            using var header = SessionHeader.Open(paths.HeaderPath, writable: false);
            hostAlive = header.IsHostAlive();
            cpuCount = header.Info.CpuCount;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Warn(sink, $"the session file of module {paths.Name} is unreadable ({e.Message}); reading its rings anyway");
        }

        var files = RingFiles(paths, cpuCount);
        var batches = new RecordBatch[files.Count];
        var cpus = new int[files.Count];
        long overwritten = 0, overwrittenBytes = 0, dropped = 0, droppedBytes = 0, messagesLost = 0, messagesLostBytes = 0;
        int torn = 0, damaged = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var (path, cpu) = files[i];
            cpus[i] = cpu;
            batches[i] = new RecordBatch();
            using var ring = RingView.Open(path, writable: false, out string? problem);
            if (ring is null)
            {
                damaged++;
                Warn(sink, $"cannot read {Path.GetFileName(path)}: {problem}");
                continue;
            }

            var outcome = ReadRing(ring, batches[i], recoverBeyondHead: !hostAlive && !ring.Closed);
            if (outcome.Problem is not null)
            {
                damaged++;
                Warn(sink, $"{Path.GetFileName(path)}: {outcome.Problem}");
            }

            if (outcome.Torn is ulong sequence)
            {
                torn++;
                Warn(sink, $"skipped a record torn by the crash in {Path.GetFileName(path)} (sequence {sequence})");
            }

            if (cpu < 0)
            {
                messagesLost += outcome.Evicted;
                messagesLostBytes += outcome.EvictedBytes;
            }
            else
            {
                overwritten += outcome.Evicted;
                overwrittenBytes += outcome.EvictedBytes;
                dropped += Math.Max(0, ring.DroppedRecords);
                droppedBytes += Math.Max(0, ring.DroppedBytes);
            }
        }

        var loss = new LossReport();
        loss.Overwritten(sink, 0, overwritten, overwrittenBytes, messages: false);
        loss.Dropped(sink, 0, dropped, droppedBytes, messages: false);
        loss.Overwritten(sink, 0, messagesLost, messagesLostBytes, messages: true);
        var delivered = new int[files.Count];
        TimestampMerge.Run(batches, cpus, new bool[files.Count], delivered, sink);
        long records = 0;
        for (int i = 0; i < files.Count; i++)
        {
            if (cpus[i] >= 0)
            {
                records += delivered[i];
            }
        }

        return new DumpSummary(records, overwritten, overwrittenBytes, dropped, droppedBytes, torn, damaged, hostAlive);
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

    private static RingOutcome ReadRing(RingView ring, RecordBatch batch, bool recoverBeyondHead)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            batch.Clear();
            if (!ring.TryGetBounds(out long head, out long tail))
            {
                return new RingOutcome(0, 0, null, $"its positions are impossible (head {ring.Head}, tail {ring.Tail}); nothing recovered");
            }

            var stop = ring.Scan(tail, head, null, batch, long.MaxValue, out long next);
            Interlocked.MemoryBarrier();
            long newTail = ring.Tail;
            if (newTail > tail)
            {
                // A live writer overwrote what was being copied: read again from its new tail.
                continue;
            }

            string? problem = stop == ScanStop.Invalid
                ? $"damaged at position {next}: {batch.Count} records before it recovered, the rest skipped"
                : null;
            ulong? tornSequence = null;
            if (stop == ScanStop.End && recoverBeyondHead)
            {
                ulong expected = batch.Count > 0 ? batch[batch.Count - 1].Sequence + 1 : ring.NextSequence;
                if (ring.InspectBeyondHead(head, expected, batch) == BeyondHead.Torn)
                {
                    tornSequence = expected;
                }
            }

            long evicted = 0, evictedBytes = 0;
            if (batch.Count > 0)
            {
                evicted = (long)batch[0].Sequence;
                evictedBytes = batch[0].Stream;
            }
            else if (problem is null)
            {
                evicted = (long)ring.NextSequence;
            }

            return new RingOutcome(Math.Max(0, evicted), Math.Max(0, evictedBytes), tornSequence, problem);
        }

        return new RingOutcome(0, 0, null, "overwritten faster than it could be read; nothing recovered");
    }

    private static void Warn(IRecordSink sink, string text) => sink.Message(0, Encoding.UTF8.GetBytes($"WARNING: {text}\n"));

    private readonly record struct RingOutcome(long Evicted, long EvictedBytes, ulong? Torn, string? Problem);
}
