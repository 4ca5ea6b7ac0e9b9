using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// The producer side of one ring: the single dispatch thread of a CPU commits each handler's
/// output as one record. A record is written header first, then payload, then its commit
/// word, and only then is the head published; so a reader sees only complete records and a
/// crash leaves at most one torn record after the head. When the ring is full, overwrite
/// evicts the oldest records (publishing the new tail before touching their bytes) and
/// discard evicts only what the consumer has read, dropping the new record otherwise.
/// Not thread-safe by design: one writer per ring keeps the hot path free of atomics.
/// </summary>
public sealed unsafe class RingWriter : IOutputSink, IDisposable
{
    private readonly MappedFile _file;
    private readonly byte* _header;
    private readonly byte* _data;
    private readonly long _capacity;
    private readonly int _maxPayload;
    private readonly long _evictAhead;
    private readonly bool _overwrite;
    private long _head;
    private long _tail;

    // Head and tail modulo the capacity, kept alongside them: a 64-bit division per record costs more than the rest of a commit.
    private long _headOffset;
    private long _tailOffset;
    private ulong _sequence;
    private long _stream;

    // The consumer is woken when it is a quarter of the ring behind, looked at every 1/16 of the ring written.
    private ConsumerWakeup? _wakeup;
    private long _nextWakeCheck = long.MaxValue;

    private RingWriter(MappedFile file, long capacity, RingPolicy policy)
    {
        _file = file;
        _header = file.Pointer;
        _data = file.Pointer + RingLayout.HeaderSize;
        _capacity = capacity;
        _maxPayload = (int)Math.Min(int.MaxValue, RingLayout.MaxRecordSize(capacity) - RingLayout.RecordHeaderSize);
        _evictAhead = Math.Min(capacity / 64, 16 * 1024);
        _overwrite = policy == RingPolicy.Overwrite;
        Policy = policy;
    }

    public long Capacity => _capacity;

    public RingPolicy Policy { get; }

    /// <summary>Records committed so far (the next record's sequence number).</summary>
    public ulong Sequence => _sequence;

    /// <summary>From now on, wakes <paramref name="wakeup"/>'s consumer when it falls a quarter of the ring behind.</summary>
    public void WakeConsumerWhenBehind(ConsumerWakeup wakeup)
    {
        _wakeup = wakeup;
        _nextWakeCheck = _head + WakeCheckStride;
    }

    private long WakeCheckStride => _capacity / 16;

    public static RingWriter Create(string path, int cpu, long capacityBytes, RingPolicy policy, int hostPid)
    {
        if (!RingLayout.IsValidCapacity(capacityBytes))
        {
            throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes,
                $"ring capacity must be a multiple of 4096 between {RingLayout.MinCapacity} and {RingLayout.MaxCapacity} bytes");
        }

        var file = MappedFile.Create(path, RingLayout.HeaderSize + capacityBytes);
        byte* h = file.Pointer;
        Store32(h, RingLayout.VersionOffset, RingLayout.Version);
        Store32(h, RingLayout.HeaderSizeOffset, RingLayout.HeaderSize);
        Store64(h, RingLayout.CapacityOffset, capacityBytes);
        Store32(h, RingLayout.CpuOffset, cpu);
        Store32(h, RingLayout.PolicyOffset, (int)policy);
        Store32(h, RingLayout.HostPidOffset, hostPid);
        // The magic goes last: a file is recognisable as a ring only once its geometry is there.
        Volatile.Write(ref *(ulong*)(h + RingLayout.MagicOffset), RingLayout.Magic);
        return new RingWriter(file, capacityBytes, policy);
    }

    /// <summary>Commits one handler's output; payloads over a quarter of the ring become several records.</summary>
    public void Commit(ReadOnlySpan<byte> payload)
    {
        long timestamp = Stopwatch.GetTimestamp();
        while (payload.Length > _maxPayload)
        {
            CommitRecord(payload[.._maxPayload], timestamp);
            payload = payload[_maxPayload..];
        }

        CommitRecord(payload, timestamp);
    }

    private void CommitRecord(ReadOnlySpan<byte> payload, long timestamp)
    {
        long size = RingLayout.RecordSize(payload.Length);
        long offset = _headOffset;
        long contiguous = _capacity - offset;
        long skip = contiguous < size ? contiguous : 0;
        if (!Reserve(skip + size))
        {
            Drop(payload.Length);
            return;
        }

        if (skip > 0)
        {
            if (skip >= RingLayout.RecordHeaderSize)
            {
                byte* pad = _data + offset;
                *(int*)(pad + RingLayout.RecordLengthOffset) = (int)skip;
                *(ulong*)(pad + RingLayout.RecordSequenceOffset) = _sequence;
                Volatile.Write(ref *(uint*)(pad + RingLayout.RecordCommitOffset), RingLayout.PadCommit);
            }

            _head += skip;
            offset = 0;
        }

        byte* record = _data + offset;
        *(int*)(record + RingLayout.RecordLengthOffset) = payload.Length;
        *(ulong*)(record + RingLayout.RecordSequenceOffset) = _sequence;
        *(long*)(record + RingLayout.RecordTimestampOffset) = timestamp;
        *(long*)(record + RingLayout.RecordStreamOffset) = _stream;
        payload.CopyTo(new Span<byte>(record + RingLayout.RecordHeaderSize, payload.Length));
        Volatile.Write(ref *(uint*)(record + RingLayout.RecordCommitOffset), RingLayout.CommitWord(_sequence, payload.Length));

        _head += size;
        _headOffset = offset + size == _capacity ? 0 : offset + size;
        _sequence++;
        _stream += payload.Length;
        Store64Release(RingLayout.StreamOffset, _stream);
        Store64Release(RingLayout.NextSequenceOffset, (long)_sequence);
        Store64Release(RingLayout.HeadOffset, _head);
        if (_head >= _nextWakeCheck)
        {
            WakeConsumerIfBehind();
        }
    }

    private void WakeConsumerIfBehind()
    {
        _nextWakeCheck = _head + WakeCheckStride;
        long consumed = Volatile.Read(ref *(long*)(_header + RingLayout.ConsumerPositionOffset));
        if (_head - consumed >= _capacity / 4)
        {
            _wakeup!.Wake();
        }
    }

    /// <summary>Makes room for <paramref name="need"/> bytes at the head, evicting from the tail as the policy allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Reserve(long need)
    {
        if (_head + need - _tail <= _capacity)
        {
            return true;
        }

        return Evict(need);
    }

    private bool Evict(long need)
    {
        // Discard may reclaim only what a consumer has read; a position beyond the head is not one.
        long limit = _overwrite ? _head : Math.Min(_head, Volatile.Read(ref *(long*)(_header + RingLayout.ConsumerPositionOffset)));
        long tail = _tail;
        long tailOffset = _tailOffset;
        // Evicting a little ahead (at most 1/64 of the ring) publishes the tail, and pays for
        // the barrier, once per many records in the steady state of a full ring, not per record.
        while (_head + need + _evictAhead - tail > _capacity)
        {
            if (tail >= limit)
            {
                if (_head + need - tail > _capacity)
                {
                    return false;
                }

                break;
            }

            long size = StoredSize(tailOffset);
            tail += size;
            tailOffset = tailOffset + size == _capacity ? 0 : tailOffset + size;
        }

        // Readers check the tail after copying a record: publishing it before the bytes are
        // reused is what lets them tell an intact copy from an overwritten one.
        _tail = tail;
        _tailOffset = tailOffset;
        Store64Release(RingLayout.TailOffset, tail);
        Interlocked.MemoryBarrier();
        return true;
    }

    /// <summary>The bytes the record (or padding) at <paramref name="offset"/> occupies.</summary>
    private long StoredSize(long offset)
    {
        long contiguous = _capacity - offset;
        if (contiguous < RingLayout.RecordHeaderSize)
        {
            return contiguous;
        }

        byte* record = _data + offset;
        if (*(uint*)(record + RingLayout.RecordCommitOffset) == RingLayout.PadCommit)
        {
            return contiguous;
        }

        return RingLayout.RecordSize(*(int*)(record + RingLayout.RecordLengthOffset));
    }

    private void Drop(int length)
    {
        long* records = (long*)(_header + RingLayout.DroppedRecordsOffset);
        long* bytes = (long*)(_header + RingLayout.DroppedBytesOffset);
        Volatile.Write(ref *bytes, *bytes + length);
        Volatile.Write(ref *records, *records + 1);
    }

    /// <summary>Marks the ring as closed by a clean shutdown (a dump of a dead host tells the two apart).</summary>
    public void MarkClosed() => Volatile.Write(ref *(int*)(_header + RingLayout.ClosedOffset), 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store64Release(int offset, long value) => Volatile.Write(ref *(long*)(_header + offset), value);

    private static void Store32(byte* header, int offset, int value) => *(int*)(header + offset) = value;

    private static void Store64(byte* header, int offset, long value) => *(long*)(header + offset) = value;

    public void Dispose() => _file.Dispose();
}
