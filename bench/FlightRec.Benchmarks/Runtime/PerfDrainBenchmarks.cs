using System.Buffers.Binary;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// Draining a perf ring prefilled with 1,024 tracepoint samples (64 bytes each, a full 64 KiB
/// data area) into a sink that reads every field: the per-record cost of the ring walk and the
/// decode, and proof that a drain allocates nothing. <c>Wrapped</c> starts the stream 1,000 bytes
/// before the end of the area, so one record goes through the scratch copy. Figure per record: Mean / 1024.
/// </summary>
[MemoryDiagnoser]
[MapBenchmarkJob]
public class PerfDrainBenchmarks
{
    private const int Records = 1024;
    private const int RecordSize = 64;
    private const int DataSize = Records * RecordSize;
    private const int MetadataSize = 4096;

    private nint _memory;
    private PerfCpuRing _ring = null!;
    private readonly FieldSumSink _sink = new();

    [Params(false, true)]
    public bool Wrapped { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _memory = Marshal.AllocHGlobal(MetadataSize + DataSize);
        Marshal.Copy(new byte[MetadataSize], 0, _memory, MetadataSize);
        Marshal.WriteInt64(_memory, 1040, MetadataSize);
        Marshal.WriteInt64(_memory, 1048, DataSize);
        long start = Wrapped ? DataSize - 1000 : 0;
        var data = new byte[DataSize];
        var record = new byte[RecordSize];
        for (int i = 0; i < Records; i++)
        {
            WriteSample(record, id: 100 + (ulong)(i % 3), tid: 4000 + i, time: 1_000_000 + i);
            for (int b = 0; b < RecordSize; b++)
            {
                data[(start + (i * RecordSize) + b) % DataSize] = record[b];
            }
        }

        Marshal.Copy(data, 0, _memory + MetadataSize, DataSize);
        _ring = new PerfCpuRing(_memory, 0, cpu: 0, fileDescriptor: -1, new PerfEventIdMap([new(100, 0), new(101, 1), new(102, 2)]), ownsMapping: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ring.Dispose();
        Marshal.FreeHGlobal(_memory);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int Drain()
    {
        // Rewind: the kernel's head is one full area past our tail, as if it had just filled the ring.
        long start = Wrapped ? DataSize - 1000 : 0;
        Marshal.WriteInt64(_memory, 1032, start);
        Marshal.WriteInt64(_memory, 1024, start + DataSize);
        return _ring.Drain(_sink);
    }

    private static void WriteSample(byte[] record, ulong id, int tid, long time)
    {
        Array.Clear(record);
        BinaryPrimitives.WriteUInt32LittleEndian(record, PerfRecordType.Sample);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(6), RecordSize);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), id);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(16), 4000);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(20), tid);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(24), time);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(48), RecordSize - 52);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(52), 305); // common_type
    }

    private sealed class FieldSumSink : IPerfSampleSink
    {
        public long Sum { get; private set; }

        public void OnSample(in PerfSample sample) =>
            Sum += sample.EventIndex + sample.Tid + sample.TimeNanoseconds + sample.Cpu + (long)sample.Period + sample.Raw[0];

        public void OnLost(ulong id, ulong lost) => Sum += (long)lost;
    }
}
