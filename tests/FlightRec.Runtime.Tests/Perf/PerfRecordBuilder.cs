using System.Buffers.Binary;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Tests.Perf;

/// <summary>Hand-built perf records in the layout PerfRecordDecoder documents.</summary>
internal static class PerfRecordBuilder
{
    public static byte[] Sample(ulong id, int pid, int tid, long time, int cpu, ulong period, byte[] raw)
    {
        // The kernel pads u32 size + raw to a multiple of 8 and counts the padding in size.
        int rawSize = ((4 + raw.Length + 7) & ~7) - 4;
        var record = new byte[52 + rawSize];
        Header(record, PerfRecordType.Sample);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), id);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(16), pid);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(20), tid);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(24), time);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(32), cpu);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), period);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(48), (uint)rawSize);
        raw.CopyTo(record.AsSpan(52));
        return record;
    }

    public static byte[] Lost(ulong id, ulong lost)
    {
        var record = new byte[24];
        Header(record, PerfRecordType.Lost);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), id);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(16), lost);
        return record;
    }

    public static byte[] Other(uint type, int size)
    {
        var record = new byte[size];
        Header(record, type);
        return record;
    }

    private static void Header(byte[] record, uint type)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(record, type);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(6), (ushort)record.Length);
    }
}
