namespace FlightRec.Runtime.Transport;

/// <summary>
/// One ring being dumped, a bounded chunk at a time: a ring may hold up to 4 GB, more than
/// one copy can, so the dump copies up to a chunk (64 MB) of payload per ring, merges,
/// and asks each cursor to continue after what was delivered. The first chunk fixes what was
/// evicted before the dump; a live writer that overwrites records the dump has not reached yet
/// makes the cursor jump to the new tail and count them.
/// </summary>
internal sealed class DumpCursor(RingView ring, int cpu, string fileName, bool recoverBeyondHead, long chunkBytes)
{
    public const long DefaultChunkBytes = 64L * 1024 * 1024;
    private const int Attempts = 8;

    private long _from;
    private ulong? _nextSequence;
    private long _recovered;

    public RecordBatch Batch { get; } = new();

    public int Cpu { get; } = cpu;

    public string FileName { get; } = fileName;

    /// <summary>The batch holds the ring's last records: nothing to read after it.</summary>
    public bool Complete { get; private set; }

    /// <summary>Records (and payload bytes) gone before the dump began.</summary>
    public long Evicted { get; private set; }

    public long EvictedBytes { get; private set; }

    /// <summary>Records a live writer overwrote while the dump was reading.</summary>
    public long OverwrittenDuringDump { get; private set; }

    public ulong? TornSequence { get; private set; }

    public string? Problem { get; private set; }

    public long DroppedRecords => Math.Max(0, ring.DroppedRecords);

    public long DroppedBytes => Math.Max(0, ring.DroppedBytes);

    /// <summary>Copies the first chunk, from the tail.</summary>
    public void Start()
    {
        if (!ring.TryGetBounds(out _, out long tail))
        {
            Problem = $"its positions are impossible (head {ring.Head}, tail {ring.Tail}); nothing recovered";
            Complete = true;
            return;
        }

        _from = tail;
        Read(first: true);
    }

    /// <summary>After the merge delivered <paramref name="delivered"/> records of the batch: copies what comes next.</summary>
    public void Continue(int delivered)
    {
        if (delivered > 0)
        {
            ref readonly var last = ref Batch[delivered - 1];
            _from = last.End;
            _nextSequence = last.Sequence + 1;
            _recovered += delivered;
        }

        Read(first: false);
    }

    private void Read(bool first)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            Batch.Clear();
            if (!ring.TryGetBounds(out long head, out long tail))
            {
                Problem = $"its positions became impossible (head {ring.Head}, tail {ring.Tail}) after {_recovered} records";
                Complete = true;
                return;
            }

            long from = Math.Max(_from, tail);
            var stop = ring.Scan(from, head, null, Batch, chunkBytes, out long next);
            Interlocked.MemoryBarrier();
            if (ring.Tail > from)
            {
                // A live writer overwrote what was being copied: read again from its new tail.
                continue;
            }

            if (!first && from > _from && Batch.Count > 0 && _nextSequence is ulong expected && Batch[0].Sequence > expected)
            {
                OverwrittenDuringDump += (long)(Batch[0].Sequence - expected);
            }

            if (first)
            {
                Evicted = Batch.Count > 0 ? (long)Batch[0].Sequence : stop == ScanStop.Invalid ? 0 : (long)ring.NextSequence;
                EvictedBytes = Batch.Count > 0 ? Batch[0].Stream : 0;
                Evicted = Math.Max(0, Evicted);
                EvictedBytes = Math.Max(0, EvictedBytes);
            }

            _from = from;
            switch (stop)
            {
                case ScanStop.Invalid:
                    Problem = $"damaged at position {next}: {_recovered + Batch.Count} records before it recovered, the rest skipped";
                    Complete = true;
                    break;
                case ScanStop.End:
                    Complete = true;
                    if (recoverBeyondHead)
                    {
                        ulong expectedNext = Batch.Count > 0 ? Batch[Batch.Count - 1].Sequence + 1 : _nextSequence ?? ring.NextSequence;
                        if (ring.InspectBeyondHead(head, expectedNext, Batch) == BeyondHead.Torn)
                        {
                            TornSequence = expectedNext;
                        }
                    }

                    break;
                default:
                    Complete = false;
                    break;
            }

            return;
        }

        Batch.Clear();
        Problem = $"overwritten faster than it could be read; {_recovered} records recovered";
        Complete = true;
    }
}
