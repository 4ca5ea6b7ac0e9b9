using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// The reading side of one ring file, for consumers and dumps. Every value read from the file
/// is checked before it is trusted — geometry at open, each record's length, sequence and
/// commit word while scanning — because the file may come from a crashed host or be damaged,
/// and reading it must never fault or loop.
/// </summary>
internal sealed unsafe class RingView : IDisposable
{
    private readonly MappedFile _file;
    private readonly byte* _header;
    private readonly byte* _data;

    private RingView(MappedFile file, long capacity)
    {
        _file = file;
        _header = file.Pointer;
        _data = file.Pointer + RingLayout.HeaderSize;
        Capacity = capacity;
        Cpu = *(int*)(_header + RingLayout.CpuOffset);
        Policy = *(int*)(_header + RingLayout.PolicyOffset) == (int)RingPolicy.Overwrite ? RingPolicy.Overwrite : RingPolicy.Discard;
        HostPid = *(int*)(_header + RingLayout.HostPidOffset);
    }

    public long Capacity { get; }

    public int Cpu { get; }

    public RingPolicy Policy { get; }

    public int HostPid { get; }

    public bool Closed => Volatile.Read(ref *(int*)(_header + RingLayout.ClosedOffset)) == 1;

    public long Head => Load(RingLayout.HeadOffset);

    public long Tail => Load(RingLayout.TailOffset);

    public ulong NextSequence => (ulong)Load(RingLayout.NextSequenceOffset);

    public long DroppedRecords => Load(RingLayout.DroppedRecordsOffset);

    public long DroppedBytes => Load(RingLayout.DroppedBytesOffset);

    public long ConsumerPosition
    {
        get => Load(RingLayout.ConsumerPositionOffset);
        set => Store(RingLayout.ConsumerPositionOffset, value);
    }

    public ulong ConsumerSequence
    {
        get => (ulong)Load(RingLayout.ConsumerSequenceOffset);
        set => Store(RingLayout.ConsumerSequenceOffset, (long)value);
    }

    public long ConsumerStream
    {
        get => Load(RingLayout.ConsumerStreamOffset);
        set => Store(RingLayout.ConsumerStreamOffset, value);
    }

    public long ReportedDroppedRecords
    {
        get => Load(RingLayout.ReportedDroppedRecordsOffset);
        set => Store(RingLayout.ReportedDroppedRecordsOffset, value);
    }

    public long ReportedDroppedBytes
    {
        get => Load(RingLayout.ReportedDroppedBytesOffset);
        set => Store(RingLayout.ReportedDroppedBytesOffset, value);
    }

    /// <summary>
    /// Head and tail, if they describe a possible ring state: 8-byte aligned, at most a ring
    /// apart, and far enough below the largest long that a position plus a record or padding
    /// size cannot wrap around to a negative offset (a read before the mapping).
    /// </summary>
    public bool TryGetBounds(out long head, out long tail)
    {
        head = Head;
        tail = Tail;
        return tail >= 0 && head >= tail && head - tail <= Capacity && head <= long.MaxValue - Capacity && ((head | tail) & 7) == 0;
    }

    /// <summary>Opens and validates a ring file; null with a reason when it is not a usable ring.</summary>
    public static RingView? Open(string path, bool writable, out string? problem)
    {
        MappedFile? file;
        try
        {
            file = MappedFile.Open(path, writable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return null;
        }

        if (file is null || file.Length < RingLayout.HeaderSize)
        {
            file?.Dispose();
            problem = "file is too short to hold a ring header";
            return null;
        }

        byte* h = file.Pointer;
        long capacity = *(long*)(h + RingLayout.CapacityOffset);
        problem = *(ulong*)(h + RingLayout.MagicOffset) != RingLayout.Magic ? "not a FlightRec ring (bad magic)"
            : *(int*)(h + RingLayout.VersionOffset) != RingLayout.Version ? $"ring format version {*(int*)(h + RingLayout.VersionOffset)} is not supported"
            : *(int*)(h + RingLayout.HeaderSizeOffset) != RingLayout.HeaderSize ? "bad header size"
            : !RingLayout.IsValidCapacity(capacity) ? $"bad capacity {capacity}"
            : file.Length != RingLayout.HeaderSize + capacity ? $"file holds {file.Length} bytes, the header promises {RingLayout.HeaderSize + capacity}"
            : null;
        if (problem is not null)
        {
            file.Dispose();
            return null;
        }

        return new RingView(file, capacity);
    }

    /// <summary>
    /// Copies the records in [<paramref name="from"/>, <paramref name="until"/>) into the batch,
    /// at most about <paramref name="maxBytes"/> of payload, stopping at the first record that
    /// fails validation. Returns the position after the last record copied.
    /// </summary>
    public ScanStop Scan(long from, long until, ulong? expectedSequence, RecordBatch batch, long maxBytes, out long next)
    {
        long position = from;
        ulong? expected = expectedSequence;
        long maxRecord = RingLayout.MaxRecordSize(Capacity);
        while (position < until)
        {
            if (batch.PayloadBytes >= maxBytes)
            {
                next = position;
                return ScanStop.BatchFull;
            }

            long offset = position % Capacity;
            long contiguous = Capacity - offset;
            if (contiguous < RingLayout.RecordHeaderSize)
            {
                position += contiguous;
                continue;
            }

            byte* record = _data + offset;
            uint commit = Volatile.Read(ref *(uint*)(record + RingLayout.RecordCommitOffset));
            int length = *(int*)(record + RingLayout.RecordLengthOffset);
            if (commit == RingLayout.PadCommit)
            {
                if (length != contiguous)
                {
                    next = position;
                    return ScanStop.Invalid;
                }

                position += contiguous;
                continue;
            }

            long size = RingLayout.RecordSize(length);
            ulong sequence = *(ulong*)(record + RingLayout.RecordSequenceOffset);
            if (length < 0 || size > contiguous || size > maxRecord || position + size > until
                || (expected is ulong e && sequence != e)
                || commit != RingLayout.CommitWord(sequence, length))
            {
                next = position;
                return ScanStop.Invalid;
            }

            Copy(record, position, size, sequence, *(long*)(record + RingLayout.RecordTimestampOffset), length, batch);
            expected = sequence + 1;
            position += size;
        }

        next = position;
        return ScanStop.End;
    }

    /// <summary>
    /// After a crash: what lies at <paramref name="head"/>. A record committed but not yet
    /// published is recovered into the batch; a record with the expected sequence but no
    /// valid commit word was torn by the crash.
    /// </summary>
    public BeyondHead InspectBeyondHead(long head, ulong expectedSequence, RecordBatch batch)
    {
        long position = head;
        long offset = position % Capacity;
        long contiguous = Capacity - offset;
        if (contiguous < RingLayout.RecordHeaderSize)
        {
            position += contiguous;
        }
        else
        {
            byte* pad = _data + offset;
            if (*(uint*)(pad + RingLayout.RecordCommitOffset) == RingLayout.PadCommit
                && *(int*)(pad + RingLayout.RecordLengthOffset) == contiguous)
            {
                position += contiguous;
            }
        }

        byte* record = _data + (position % Capacity);
        int length = *(int*)(record + RingLayout.RecordLengthOffset);
        ulong sequence = *(ulong*)(record + RingLayout.RecordSequenceOffset);
        uint commit = *(uint*)(record + RingLayout.RecordCommitOffset);
        long timestamp = *(long*)(record + RingLayout.RecordTimestampOffset);
        // Untouched memory reads as sequence 0: a record counts as started only once its
        // timestamp (never 0) is there, so an empty ring is not mistaken for a torn one.
        if (sequence != expectedSequence || timestamp == 0)
        {
            return BeyondHead.Nothing;
        }

        long size = RingLayout.RecordSize(length);
        long room = Capacity - (position % Capacity);
        if (length < 0 || size > room || size > RingLayout.MaxRecordSize(Capacity) || commit != RingLayout.CommitWord(sequence, length))
        {
            return BeyondHead.Torn;
        }

        Copy(record, position, size, sequence, timestamp, length, batch);
        return BeyondHead.Recovered;
    }

    /// <summary>Copies a validated record's identity and payload into the batch.</summary>
    private static void Copy(byte* record, long position, long size, ulong sequence, long timestamp, int length, RecordBatch batch)
    {
        var target = batch.Add(position, size, sequence, timestamp, *(long*)(record + RingLayout.RecordStreamOffset), length);
        new ReadOnlySpan<byte>(record + RingLayout.RecordHeaderSize, length).CopyTo(target);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Load(int offset) => Volatile.Read(ref *(long*)(_header + offset));

    private void Store(int offset, long value) => Volatile.Write(ref *(long*)(_header + offset), value);

    public void Dispose() => _file.Dispose();
}
