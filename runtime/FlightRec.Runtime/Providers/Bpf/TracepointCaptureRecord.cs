using System.Buffers.Binary;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// A view of one capture record (<see cref="TracepointCaptureLayout"/>) as the ring hands it
/// over; reads the header to find the strings, allocates nothing.
/// </summary>
public readonly ref struct TracepointCaptureRecord
{
    private readonly ReadOnlySpan<byte> _data;

    /// <summary>Wraps <paramref name="data"/>; throws if it is shorter than its own header says.</summary>
    public TracepointCaptureRecord(ReadOnlySpan<byte> data)
    {
        if (data.Length < TracepointCaptureLayout.HeaderSize)
        {
            throw new ArgumentException($"a capture record is at least {TracepointCaptureLayout.HeaderSize} bytes, not {data.Length}", nameof(data));
        }

        _data = data;
        long needed = TracepointCaptureLayout.RecordOffset + TracepointCaptureLayout.AlignUp(RecordSize) +
            ((long)StringCount * (TracepointCaptureLayout.StringPrefixSize + TracepointCaptureLayout.AlignUp(StringCapacity)));
        if (data.Length < needed)
        {
            throw new ArgumentException($"the capture record's header describes {needed} bytes but it has {data.Length}", nameof(data));
        }

        if (RecordLength > RecordSize)
        {
            throw new ArgumentException($"the capture record's header says {RecordLength} bytes were copied into {RecordSize}", nameof(data));
        }
    }

    public int ProbeIndex => ReadInt32(TracepointCaptureLayout.ProbeIndexOffset);

    public int Cpu => ReadInt32(TracepointCaptureLayout.CpuOffset);

    public int ProcessId => ReadInt32(TracepointCaptureLayout.ProcessIdOffset);

    public int ThreadId => ReadInt32(TracepointCaptureLayout.ThreadIdOffset);

    /// <summary>bpf_ktime_get_ns: CLOCK_MONOTONIC nanoseconds, the clock of Stopwatch.GetTimestamp on Linux.</summary>
    public long Timestamp => BinaryPrimitives.ReadInt64LittleEndian(_data[TracepointCaptureLayout.TimestampOffset..]);

    /// <summary>The task's real user id at the event.</summary>
    public int UserId => ReadInt32(TracepointCaptureLayout.UidOffset);

    /// <summary>The task's real group id at the event.</summary>
    public int GroupId => ReadInt32(TracepointCaptureLayout.GidOffset);

    /// <summary>The command name, without its NUL padding.</summary>
    public ReadOnlySpan<byte> Comm => UpToNul(_data.Slice(TracepointCaptureLayout.CommOffset, TracepointCaptureLayout.CommLength));

    /// <summary>The bytes reserved for the tracepoint record (its capacity).</summary>
    public int RecordSize => BinaryPrimitives.ReadUInt16LittleEndian(_data[TracepointCaptureLayout.RecordSizeOffset..]);

    /// <summary>The bytes of the tracepoint record copied: the fixed part and any dynamic data that fit.</summary>
    public int RecordLength => BinaryPrimitives.ReadUInt16LittleEndian(_data[TracepointCaptureLayout.RecordLengthOffset..]);

    public int StringCount => BinaryPrimitives.ReadUInt16LittleEndian(_data[TracepointCaptureLayout.StringCountOffset..]);

    public int StringCapacity => BinaryPrimitives.ReadUInt16LittleEndian(_data[TracepointCaptureLayout.StringCapacityOffset..]);

    /// <summary>The tracepoint record as captured (its first 8 bytes are zero): <see cref="RecordLength"/> bytes.</summary>
    public ReadOnlySpan<byte> TracepointRecord => _data.Slice(TracepointCaptureLayout.RecordOffset, RecordLength);

    /// <summary>bpf_probe_read_user_str's result: the length with the NUL, or a negative errno.</summary>
    public int StringStatus(int index) => ReadInt32(SlotOffset(index));

    /// <summary>String <paramref name="index"/> without its NUL; false (and empty) when reading it faulted.</summary>
    public bool TryGetString(int index, out ReadOnlySpan<byte> text)
    {
        int status = StringStatus(index);
        if (status <= 0)
        {
            text = default;
            return false;
        }

        int length = Math.Min(status, StringCapacity);
        text = UpToNul(_data.Slice(SlotOffset(index) + TracepointCaptureLayout.StringPrefixSize, length));
        return true;
    }

    private int SlotOffset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, StringCount);
        return TracepointCaptureLayout.RecordOffset + TracepointCaptureLayout.AlignUp(RecordSize) +
            (index * (TracepointCaptureLayout.StringPrefixSize + TracepointCaptureLayout.AlignUp(StringCapacity)));
    }

    private int ReadInt32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_data[offset..]);

    private static ReadOnlySpan<byte> UpToNul(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }
}
