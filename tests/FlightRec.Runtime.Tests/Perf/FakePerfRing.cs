using System.Runtime.InteropServices;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Tests.Perf;

/// <summary>
/// A perf ring in ordinary memory, laid out as the kernel maps one (metadata page with data_head,
/// data_tail, data_offset, data_size; then the data area), which the test writes like the kernel does.
/// </summary>
internal sealed class FakePerfRing : IDisposable
{
    private const int MetadataSize = 4096;
    private readonly nint _memory;
    private readonly int _dataSize;

    public FakePerfRing(int dataSize, PerfEventIdMap ids, ulong startPosition = 0)
    {
        _dataSize = dataSize;
        _memory = Marshal.AllocHGlobal(MetadataSize + dataSize);
        Marshal.Copy(new byte[MetadataSize + dataSize], 0, _memory, MetadataSize + dataSize);
        Marshal.WriteInt64(_memory, 1040, MetadataSize);
        Marshal.WriteInt64(_memory, 1048, dataSize);
        Head = startPosition;
        Tail = startPosition;
        Ring = new PerfCpuRing(_memory, 0, cpu: 3, fileDescriptor: -1, ids, ownsMapping: false);
    }

    public PerfCpuRing Ring { get; }

    public ulong Head
    {
        get => (ulong)Marshal.ReadInt64(_memory, 1024);
        set => Marshal.WriteInt64(_memory, 1024, (long)value);
    }

    public ulong Tail
    {
        get => (ulong)Marshal.ReadInt64(_memory, 1032);
        set => Marshal.WriteInt64(_memory, 1032, (long)value);
    }

    /// <summary>Appends records at data_head, wrapping at the end of the data area as the kernel does.</summary>
    public void Write(params byte[][] records)
    {
        foreach (byte[] record in records)
        {
            for (int i = 0; i < record.Length; i++)
            {
                Marshal.WriteByte(_memory, MetadataSize + (int)((Head + (ulong)i) % (ulong)_dataSize), record[i]);
            }

            Head += (ulong)record.Length;
        }
    }

    public void Dispose()
    {
        Ring.Dispose();
        Marshal.FreeHGlobal(_memory);
    }
}
