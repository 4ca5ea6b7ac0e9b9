namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// The byte layout of one capture record in the ring (all little-endian, every part 8-aligned):
/// <code>
///  0 u32 probe index        4 u32 cpu
///  8 u32 pid (tgid)        12 u32 tid
/// 16 u64 bpf_ktime_get_ns (CLOCK_MONOTONIC; Stopwatch.GetTimestamp on Linux)
/// 24 char[16] comm, NUL-padded
/// 40 u16 record capacity  42 u16 record length   44 u16 string count   46 u16 string capacity
/// 48 u32 uid              52 u32 gid (bpf_get_current_uid_gid: the task's real ids)
/// 56 the tracepoint record (its first 8 bytes zero: see UnreadableRecordPrefix), capacity bytes padded to 8
///    then per string: i32 status, u32 zero, capacity bytes (padded to 8)
/// </code>
/// The record length is how many of the capacity bytes were copied: the fixed part, or with
/// <c>__data_loc</c> fields up to where their data ends, at most the capacity (data past it is
/// cut off; the bytes after the length are not the record's).
/// A string's status is what bpf_probe_read_user_str returned: its length with the NUL
/// (so an empty string is 1) or a negative errno (-EFAULT: the pointer could not be read).
/// Every record of one probe has the same size: the ring reserve needs a constant.
/// </summary>
public sealed class TracepointCaptureLayout
{
    public const int ProbeIndexOffset = 0;
    public const int CpuOffset = 4;
    public const int ProcessIdOffset = 8;
    public const int ThreadIdOffset = 12;
    public const int TimestampOffset = 16;
    public const int CommOffset = 24;
    public const int CommLength = 16;
    public const int RecordSizeOffset = 40;
    public const int RecordLengthOffset = 42;
    public const int StringCountOffset = 44;
    public const int StringCapacityOffset = 46;
    public const int UidOffset = 48;
    public const int GidOffset = 52;
    public const int HeaderSize = 56;
    public const int RecordOffset = HeaderSize;

    /// <summary>The string status word and its padding, before the string bytes.</summary>
    public const int StringPrefixSize = 8;

    /// <summary>
    /// When the kernel runs a BPF program on a tracepoint it overwrites the record's first 8 bytes
    /// (the common_* fields) with a pt_regs pointer, and the verifier refuses reads there; the
    /// captured copy has zeros instead (the header carries pid and tid).
    /// </summary>
    public const int UnreadableRecordPrefix = 8;

    /// <summary>Instruction offsets are signed 16-bit, so every field must start below this (sizes fit a u16).</summary>
    public const int MaxTotalSize = short.MaxValue;

    public TracepointCaptureLayout(int recordSize, int stringCount, int stringCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recordSize, UnreadableRecordPrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(stringCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(stringCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stringCapacity, ushort.MaxValue);
        RecordSize = recordSize;
        StringCount = stringCount;
        StringCapacity = stringCapacity;
        StringsOffset = RecordOffset + AlignUp(recordSize);
        StringSlotSize = StringPrefixSize + AlignUp(stringCapacity);
        long total = StringsOffset + ((long)StringSlotSize * stringCount);
        if (total > MaxTotalSize)
        {
            throw new ArgumentException(
                $"a capture record of {total} bytes is too large (at most {MaxTotalSize}): fewer or shorter strings, or a smaller record");
        }

        TotalSize = (int)total;
    }

    /// <summary>Bytes of the tracepoint record a capture can hold (<see cref="TracepointCaptureSpec.RecordCapacity"/>).</summary>
    public int RecordSize { get; }

    public int StringCount { get; }

    /// <summary>Bytes reserved per string, NUL included (the most bpf_probe_read_user_str copies).</summary>
    public int StringCapacity { get; }

    public int StringsOffset { get; }

    public int StringSlotSize { get; }

    /// <summary>The size of every record of this layout (ring header not included).</summary>
    public int TotalSize { get; }

    public static TracepointCaptureLayout For(TracepointCaptureSpec spec) =>
        new(spec.RecordCapacity, spec.UserStringOffsets.Length, spec.MaxStringLength);

    /// <summary>Where string <paramref name="index"/>'s status word is; its bytes follow after <see cref="StringPrefixSize"/>.</summary>
    public int StringSlotOffset(int index) => StringsOffset + (index * StringSlotSize);

    internal static int AlignUp(int value) => (value + 7) & ~7;
}
