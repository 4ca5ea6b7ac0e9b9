namespace FlightRec.Runtime.Transport;

/// <summary>
/// The attached consumer's view of a session: reads what was committed since the read
/// positions stored in each ring's header, delivers it merged by timestamp, and then moves
/// those positions on — so the next consumer, after a detach or a consumer crash, resumes
/// exactly there. Records the writer overwrote before they were read show up as a gap in
/// the ring's sequence numbers and are reported with their exact count and size, as are
/// records a full discard-policy ring dropped.
/// </summary>
public sealed class SessionReader : IDisposable
{
    private const long MaxBatchBytes = 1L * 1024 * 1024;
    private const int Attempts = 4;

    private readonly RingView[] _rings;
    private readonly int[] _cpus;
    private readonly RecordBatch[] _batches;
    private readonly bool[] _truncated;
    private readonly int[] _delivered;
    private readonly long[] _overwritten;
    private readonly long[] _overwrittenBytes;
    private readonly LossReport _loss = new();

    private SessionReader(RingView[] rings, int cpuCount)
    {
        _rings = rings;
        CpuCount = cpuCount;
        _cpus = [.. Enumerable.Range(0, cpuCount), -1];
        _batches = [.. rings.Select(_ => new RecordBatch())];
        _truncated = new bool[rings.Length];
        _delivered = new int[rings.Length];
        _overwritten = new long[rings.Length];
        _overwrittenBytes = new long[rings.Length];
    }

    public int CpuCount { get; }

    /// <summary>Opens every ring of a session for consuming; <see cref="InvalidDataException"/> names what is wrong.</summary>
    public static SessionReader Open(SessionPaths paths)
    {
        int cpus;
        using (var header = SessionHeader.Open(paths.HeaderPath, writable: false))
        {
            cpus = header.Info.CpuCount;
        }

        var rings = new List<RingView>();
        try
        {
            for (int cpu = 0; cpu <= cpus; cpu++)
            {
                string path = cpu < cpus ? paths.RingPath(cpu) : paths.MessagesPath;
                rings.Add(RingView.Open(path, writable: true, out string? problem)
                    ?? throw new InvalidDataException($"{Path.GetFileName(path)} of module {paths.Name}: {problem}"));
            }
        }
        catch
        {
            rings.ForEach(r => r.Dispose());
            throw;
        }

        return new SessionReader([.. rings], cpus);
    }

    /// <summary>Delivers everything new in every ring, oldest first; true if anything was read.</summary>
    public bool Drain(IRecordSink sink)
    {
        bool any = false;
        for (int i = 0; i < _rings.Length; i++)
        {
            any |= Collect(i, sink);
        }

        Deliver(sink);
        return any;
    }

    /// <summary>Bulk mode: delivers one CPU's ring on its own (the message ring is drained separately).</summary>
    public bool DrainCpu(int cpu, IRecordSink sink) => DrainOne(cpu, sink);

    /// <summary>Delivers the new warnings and errors only.</summary>
    public bool DrainMessages(IRecordSink sink) => DrainOne(_rings.Length - 1, sink);

    private bool DrainOne(int index, IRecordSink sink)
    {
        for (int i = 0; i < _rings.Length; i++)
        {
            if (i != index)
            {
                _batches[i].Clear();
                _truncated[i] = false;
                _overwritten[i] = 0;
            }
        }

        bool any = Collect(index, sink);
        Deliver(sink);
        return any;
    }

    /// <summary>Copies ring <paramref name="index"/>'s unread records into its batch.</summary>
    private bool Collect(int index, IRecordSink sink)
    {
        var ring = _rings[index];
        var batch = _batches[index];
        _truncated[index] = false;
        _overwritten[index] = 0;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            batch.Clear();
            if (!ring.TryGetBounds(out long head, out long tail))
            {
                return false;
            }

            long position = ring.ConsumerPosition;
            bool behind = position < tail || position > head || (position & 7) != 0;
            long from = behind ? tail : position;
            var stop = ring.Scan(from, head, null, batch, MaxBatchBytes, out long next);
            Interlocked.MemoryBarrier();
            long newTail = ring.Tail;
            if (newTail > from)
            {
                // The writer overwrote the start of what was copied: keep only intact records.
                behind = true;
                batch.RemoveBefore(newTail);
                if (stop == ScanStop.Invalid && next < newTail)
                {
                    continue;
                }
            }

            if (stop == ScanStop.Invalid && batch.Count == 0 && attempt + 1 < Attempts)
            {
                continue;
            }

            _truncated[index] = stop == ScanStop.BatchFull;
            if (behind && batch.Count > 0 && position <= head)
            {
                ref readonly var first = ref batch[0];
                ulong consumed = ring.ConsumerSequence;
                if (first.Sequence > consumed)
                {
                    _overwritten[index] = (long)(first.Sequence - consumed);
                    _overwrittenBytes[index] = first.Stream - ring.ConsumerStream;
                }
            }

            if (stop == ScanStop.Invalid && batch.Count == 0)
            {
                Skip(index, sink, next);
            }

            break;
        }

        ReportDropped(index, sink);
        return batch.Count > 0;
    }

    /// <summary>A live ring that fails validation cannot be trusted past the bad record: say so and resume at its head.</summary>
    private void Skip(int index, IRecordSink sink, long at)
    {
        var ring = _rings[index];
        string what = index == _rings.Length - 1 ? "message ring" : $"ring of cpu {_cpus[index]}";
        byte[] line = System.Text.Encoding.UTF8.GetBytes($"WARNING: the {what} is damaged at position {at}; skipping to its newest data\n");
        sink.Message(0, line);
        ring.ConsumerPosition = ring.Head;
    }

    private void ReportDropped(int index, IRecordSink sink)
    {
        var ring = _rings[index];
        long dropped = ring.DroppedRecords;
        long reported = ring.ReportedDroppedRecords;
        if (dropped > reported)
        {
            long bytes = ring.DroppedBytes;
            _loss.Dropped(sink, 0, dropped - reported, bytes - ring.ReportedDroppedBytes, index == _rings.Length - 1);
            ring.ReportedDroppedBytes = bytes;
            ring.ReportedDroppedRecords = dropped;
        }
    }

    /// <summary>Reports losses, delivers the merged batches, then records how far each ring was consumed.</summary>
    private void Deliver(IRecordSink sink)
    {
        long lost = 0;
        long lostBytes = 0;
        for (int i = 0; i < _rings.Length - 1; i++)
        {
            lost += _overwritten[i];
            lostBytes += _overwrittenBytes[i];
        }

        _loss.Overwritten(sink, 0, lost, lostBytes, messages: false);
        _loss.Overwritten(sink, 0, _overwritten[^1], _overwrittenBytes[^1], messages: true);
        TimestampMerge.Run(_batches, _cpus, _truncated, _delivered, sink);
        sink.Flush();
        for (int i = 0; i < _rings.Length; i++)
        {
            if (_delivered[i] > 0)
            {
                ref readonly var last = ref _batches[i][_delivered[i] - 1];
                var ring = _rings[i];
                ring.ConsumerStream = last.Stream + last.Length;
                ring.ConsumerSequence = last.Sequence + 1;
                ring.ConsumerPosition = last.End;
            }
        }
    }

    public void Dispose()
    {
        foreach (var ring in _rings)
        {
            ring.Dispose();
        }
    }
}
