using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// Decodes the records of a ring whose events all use <see cref="SampleType"/>. The layout relied on
/// (perf_event.h, fields in sample_type bit order, IDENTIFIER always first; native endianness):
/// <code>
/// PERF_RECORD_SAMPLE                     PERF_RECORD_LOST (sample_id_all off)
///  0  u32 type, u16 misc, u16 size        0  header
///  8  u64 id        (IDENTIFIER)          8  u64 id
/// 16  u32 pid, u32 tid   (TID)           16  u64 lost
/// 24  u64 time      (TIME)
/// 32  u32 cpu, u32 reserved (CPU)
/// 40  u64 period    (PERIOD)
/// 48  u32 raw size  (RAW)
/// 52  raw bytes[size]; size keeps the record a multiple of 8 bytes
/// </code>
/// Other record types (THROTTLE/UNTHROTTLE of frequency sampling) are skipped.
/// </summary>
public static class PerfRecordDecoder
{
    /// <summary>The sample_type every event of a ring is opened with.</summary>
    public const ulong SampleType = PerfSampleFormat.Identifier | PerfSampleFormat.Tid | PerfSampleFormat.Time
        | PerfSampleFormat.Cpu | PerfSampleFormat.Period | PerfSampleFormat.Raw;

    public const int HeaderSize = 8;
    public const int SampleFixedSize = 52;
    public const int LostSize = 24;

    /// <summary>
    /// Hands one whole record (header included) to <paramref name="sink"/>; returns what it was.
    /// A sample or lost record too short for its layout is <see cref="PerfRecordKind.Malformed"/>.
    /// </summary>
    public static PerfRecordKind Decode<TSink>(ReadOnlySpan<byte> record, PerfEventIdMap ids, TSink sink)
        where TSink : IPerfSampleSink
    {
        if (record.Length < HeaderSize)
        {
            return PerfRecordKind.Malformed;
        }

        uint type = Field<uint>(record, 0);
        if (type == PerfRecordType.Sample)
        {
            if (record.Length < SampleFixedSize)
            {
                return PerfRecordKind.Malformed;
            }

            uint rawSize = Field<uint>(record, 48);
            if (rawSize > (uint)(record.Length - SampleFixedSize))
            {
                return PerfRecordKind.Malformed;
            }

            ulong id = Field<ulong>(record, 8);
            var sample = new PerfSample(
                id,
                ids.IndexOf(id),
                Field<int>(record, 16),
                Field<int>(record, 20),
                Field<long>(record, 24),
                Field<int>(record, 32),
                Field<ulong>(record, 40),
                record.Slice(SampleFixedSize, (int)rawSize));
            sink.OnSample(in sample);
            return PerfRecordKind.Sample;
        }

        if (type == PerfRecordType.Lost)
        {
            if (record.Length < LostSize)
            {
                return PerfRecordKind.Malformed;
            }

            sink.OnLost(Field<ulong>(record, 8), Field<ulong>(record, 16));
            return PerfRecordKind.Lost;
        }

        return PerfRecordKind.Other;
    }

    /// <summary>A native-endian field at <paramref name="offset"/>; the caller has checked the record is long enough.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Field<T>(ReadOnlySpan<byte> record, int offset)
        where T : unmanaged =>
        Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref MemoryMarshal.GetReference(record), offset));
}
