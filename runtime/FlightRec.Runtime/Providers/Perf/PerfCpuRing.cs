using System.Runtime.InteropServices;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// The mmap'd perf ring of one CPU: the kernel appends records at data_head, we consume from
/// data_tail. Draining reads data_head with acquire semantics (records written before the head
/// moved are visible), hands every record to a sink, then publishes data_tail with release
/// semantics (our reads are done before the kernel may reuse the space). A record that runs past
/// the end of the data area is copied into a scratch buffer allocated once, so a drain allocates nothing.
/// </summary>
public sealed unsafe class PerfCpuRing : IDisposable
{
    // Offsets in struct perf_event_mmap_page (the first, metadata page).
    private const int DataHeadOffset = 1024;
    private const int DataTailOffset = 1032;
    private const int DataOffsetOffset = 1040;
    private const int DataSizeOffset = 1048;

    private const int MaxRecordSize = ushort.MaxValue; // perf_event_header.size is a u16

    private readonly byte[] _scratch = new byte[MaxRecordSize];
    private readonly int _mappedDataPages;
    private byte* _metadata;
    private readonly byte* _data;
    private readonly ulong _dataSize;
    private readonly ulong _mask;

    /// <summary>
    /// A ring over <paramref name="metadata"/>: the metadata page, its data area where data_offset and
    /// data_size say (the page after it, <paramref name="dataPagesIfUnset"/> pages long, on kernels before 4.1).
    /// </summary>
    internal PerfCpuRing(nint metadataAddress, int dataPagesIfUnset, int cpu, int fileDescriptor, PerfEventIdMap ids, bool ownsMapping)
    {
        byte* metadata = (byte*)metadataAddress;
        _metadata = metadata;
        ulong dataOffset = *(ulong*)(metadata + DataOffsetOffset);
        ulong dataSize = *(ulong*)(metadata + DataSizeOffset);
        if (dataSize == 0)
        {
            dataOffset = (ulong)PerfRingMapping.PageSize;
            dataSize = (ulong)dataPagesIfUnset * (ulong)PerfRingMapping.PageSize;
        }

        if (dataSize == 0 || (dataSize & (dataSize - 1)) != 0)
        {
            throw new ArgumentException($"perf ring data size {dataSize} is not a power of two", nameof(metadataAddress));
        }

        _data = metadata + dataOffset;
        _dataSize = dataSize;
        _mask = dataSize - 1;
        _mappedDataPages = ownsMapping ? dataPagesIfUnset : 0;
        Cpu = cpu;
        FileDescriptor = fileDescriptor;
        Ids = ids;
    }

    public int Cpu { get; }

    /// <summary>The descriptor that owns the ring: poll it for POLLIN (the wakeup watermark was crossed).</summary>
    public int FileDescriptor { get; }

    public PerfEventIdMap Ids { get; }

    /// <summary>Bytes in the data area.</summary>
    public int DataSize => (int)_dataSize;

    /// <summary>Samples delivered since the ring was opened.</summary>
    public ulong Samples { get; private set; }

    /// <summary>Records the kernel reported lost (sum of PERF_RECORD_LOST counts).</summary>
    public ulong LostRecords { get; private set; }

    /// <summary>Records neither delivered nor lost notices: other types, or malformed ones.</summary>
    public ulong SkippedRecords { get; private set; }

    /// <summary>Bytes written by the kernel and not consumed yet.</summary>
    public ulong PendingBytes => Volatile.Read(ref *(ulong*)(_metadata + DataHeadOffset)) - *(ulong*)(_metadata + DataTailOffset);

    /// <summary>Maps the ring of <paramref name="fileDescriptor"/> (<paramref name="dataPages"/> data pages); disposing unmaps it.</summary>
    public static PerfCpuRing Map(int fileDescriptor, int cpu, int dataPages, PerfEventIdMap ids)
    {
        byte* mapping = PerfRingMapping.Map(fileDescriptor, dataPages);
        return new PerfCpuRing((nint)mapping, dataPages, cpu, fileDescriptor, ids, ownsMapping: true);
    }

    /// <summary>
    /// Consumes the records present when called (records the kernel adds meanwhile wait for the
    /// next drain, so a busy CPU cannot keep the caller here). Returns the records consumed.
    /// </summary>
    public int Drain<TSink>(TSink sink)
        where TSink : IPerfSampleSink
    {
        ObjectDisposedException.ThrowIf(_metadata == null, this);
        ref ulong headField = ref *(ulong*)(_metadata + DataHeadOffset);
        ref ulong tailField = ref *(ulong*)(_metadata + DataTailOffset);
        ulong head = Volatile.Read(ref headField);
        ulong tail = tailField; // only we write it
        int records = 0;
        while (tail < head)
        {
            ulong available = head - tail;
            ulong offset = tail & _mask;
            int size = ReadRecordSize(offset);
            if (size < PerfRecordDecoder.HeaderSize || (ulong)size > available)
            {
                // A header the kernel cannot have written: drop the rest rather than walk garbage.
                SkippedRecords++;
                tail = head;
                break;
            }

            ReadOnlySpan<byte> record = offset + (ulong)size <= _dataSize
                ? new ReadOnlySpan<byte>(_data + offset, size)
                : CopyWrapped(offset, size);
            Count(PerfRecordDecoder.Decode(record, Ids, sink), record);
            tail += (ulong)size;
            records++;
        }

        Volatile.Write(ref tailField, tail);
        return records;
    }

    public void Dispose()
    {
        if (_metadata != null && _mappedDataPages > 0)
        {
            PerfRingMapping.Unmap(_metadata, _mappedDataPages);
        }

        _metadata = null;
    }

    private int ReadRecordSize(ulong offset)
    {
        // perf_event_header { u32 type; u16 misc; u16 size; }: records are 8-byte aligned in a
        // power-of-two area, so a header never wraps; the check keeps a corrupt tail in bounds.
        return offset + 8 <= _dataSize ? *(ushort*)(_data + offset + 6) : 0;
    }

    private ReadOnlySpan<byte> CopyWrapped(ulong offset, int size)
    {
        int first = (int)(_dataSize - offset);
        new ReadOnlySpan<byte>(_data + offset, first).CopyTo(_scratch);
        new ReadOnlySpan<byte>(_data, size - first).CopyTo(_scratch.AsSpan(first));
        return _scratch.AsSpan(0, size);
    }

    private void Count(PerfRecordKind kind, ReadOnlySpan<byte> record)
    {
        switch (kind)
        {
            case PerfRecordKind.Sample:
                Samples++;
                break;
            case PerfRecordKind.Lost:
                LostRecords += MemoryMarshal.Read<ulong>(record[16..]);
                break;
            default:
                SkippedRecords++;
                break;
        }
    }
}
