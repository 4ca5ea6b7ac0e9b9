using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// The on-memory format of a ring file (docs/transport.md). A 4 KiB header, then the data
/// area. Writer-owned and consumer-owned fields sit on separate cache lines. Positions are
/// byte counts since the ring was created (they only grow); the offset in the data area is
/// position modulo capacity. Records are 8-byte aligned and never wrap: a record that does
/// not fit before the end is preceded by a padding record (or, with less than a record
/// header left, by an implicit skip to the start).
/// </summary>
internal static class RingLayout
{
    public const ulong Magic = 0x3130474E49525246; // the bytes "FRRING01"
    public const int Version = 1;
    public const int HeaderSize = 4096;
    public const long MinCapacity = 64 * 1024;
    public const long MaxCapacity = 4095L * 1024 * 1024;

    // Identity and geometry (written once at creation).
    public const int MagicOffset = 0;
    public const int VersionOffset = 8;
    public const int HeaderSizeOffset = 12;
    public const int CapacityOffset = 16;
    public const int CpuOffset = 24;
    public const int PolicyOffset = 28;
    public const int HostPidOffset = 32;
    public const int ClosedOffset = 36;

    // Writer-owned (cache line 1).
    public const int HeadOffset = 64;
    public const int TailOffset = 72;
    public const int NextSequenceOffset = 80;
    public const int DroppedRecordsOffset = 88;
    public const int DroppedBytesOffset = 96;
    public const int StreamOffset = 104;

    // Consumer-owned (cache line 2): where the last consumer stopped, shared by every consumer.
    public const int ConsumerPositionOffset = 128;
    public const int ConsumerSequenceOffset = 136;
    public const int ConsumerStreamOffset = 144;
    public const int ReportedDroppedRecordsOffset = 152;
    public const int ReportedDroppedBytesOffset = 160;

    // Record header.
    public const int RecordHeaderSize = 32;
    public const int RecordLengthOffset = 0;
    public const int RecordCommitOffset = 4;
    public const int RecordSequenceOffset = 8;
    public const int RecordTimestampOffset = 16;
    public const int RecordStreamOffset = 24;

    /// <summary>The commit word of a padding record; never equal to a record's commit word.</summary>
    public const uint PadCommit = 0x50414444; // "PADD"

    /// <summary>Records larger than this are split: a quarter ring keeps eviction bounded.</summary>
    public static long MaxRecordSize(long capacity) => capacity / 4;

    /// <summary>Computed in long: a damaged length near int.MaxValue must not wrap around to a small (or negative) size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RecordSize(int payloadLength) => (RecordHeaderSize + (long)payloadLength + 7) & ~7L;

    /// <summary>
    /// The word written last: a function of the record's sequence and length, so stale bytes
    /// from an earlier lap or a header written without its payload never pass as committed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint CommitWord(ulong sequence, int length)
    {
        ulong mixed = (sequence + 1) * 0x9E3779B97F4A7C15UL;
        uint word = (uint)(mixed >> 32) ^ (uint)length ^ 0xC0DE0001u;
        return word == PadCommit || word == 0 ? word ^ 0x10000u : word;
    }

    public static bool IsValidCapacity(long capacity) =>
        capacity >= MinCapacity && capacity <= MaxCapacity && capacity % 4096 == 0;
}
