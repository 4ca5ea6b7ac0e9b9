using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// The consumer side of a BPF ring buffer map, mapped as the kernel lays it out: the consumer
/// position page (read-write), then the producer position page and the data pages (read-only),
/// the data mapped twice in a row so a record that wraps past the end reads contiguously.
/// Each record starts with an 8-byte header: u32 length with the BUSY bit (still being
/// written) and DISCARD bit (dropped by the program), then u32 page offset; records are
/// 8-aligned. One thread drains a reader.
/// </summary>
public sealed unsafe class BpfRingBufferReader : IDisposable
{
    private const uint BusyBit = 1u << 31;
    private const uint DiscardBit = 1u << 30;
    private const int RecordHeaderSize = 8;

    private readonly BpfMap _map;
    private readonly long _pageSize;
    private readonly long _dataSize;
    private readonly long _mask;
    private byte* _consumerPage;
    private byte* _producerArea;

    private BpfRingBufferReader(BpfMap map, byte* consumerPage, byte* producerArea, long pageSize)
    {
        _map = map;
        _consumerPage = consumerPage;
        _producerArea = producerArea;
        _pageSize = pageSize;
        _dataSize = map.MaxEntries;
        _mask = _dataSize - 1;
    }

    /// <summary>The ring's map descriptor: readable (EPOLLIN) when records are waiting.</summary>
    public int FileDescriptor => _map.FileDescriptor;

    /// <summary>The data area size in bytes.</summary>
    public long Capacity => _dataSize;

    /// <summary>Whether the producer is ahead of the consumer (records waiting, maybe still busy).</summary>
    public bool HasPending => Volatile.Read(ref *(long*)_producerArea) != Volatile.Read(ref *(long*)_consumerPage);

    /// <summary>Maps <paramref name="ringBuffer"/>; the map must outlive the reader.</summary>
    public static BpfRingBufferReader Open(BpfMap ringBuffer)
    {
        if (ringBuffer.Type != BpfMapType.RingBuffer)
        {
            throw new ArgumentException($"not a ring buffer map: {ringBuffer.Type}", nameof(ringBuffer));
        }

        long pageSize = Environment.SystemPageSize;
        byte* consumer = BpfMemoryMap.Map(ringBuffer.FileDescriptor, 0, pageSize, BpfMemoryMap.PROT_READ | BpfMemoryMap.PROT_WRITE);
        try
        {
            byte* producer = BpfMemoryMap.Map(
                ringBuffer.FileDescriptor, pageSize, pageSize + (2L * ringBuffer.MaxEntries), BpfMemoryMap.PROT_READ);
            return new BpfRingBufferReader(ringBuffer, consumer, producer, pageSize);
        }
        catch
        {
            BpfMemoryMap.Unmap(consumer, pageSize);
            throw;
        }
    }

    /// <summary>
    /// Hands committed records to <paramref name="sink"/> in ring order, skipping discarded ones,
    /// and stops at the first record still being written or after <paramref name="maxRecords"/>.
    /// Each record's space goes back to the kernel as soon as the sink returns. Returns the
    /// number delivered. Allocates nothing.
    /// </summary>
    public int Drain(IBpfRecordSink sink, int maxRecords = int.MaxValue)
    {
        ObjectDisposedException.ThrowIf(_consumerPage is null, this);
        byte* data = _producerArea + _pageSize;
        ref long consumerPosition = ref *(long*)_consumerPage;
        ref long producerPosition = ref *(long*)_producerArea;
        long consumer = Volatile.Read(ref consumerPosition);
        int delivered = 0;
        while (delivered < maxRecords)
        {
            long producer = Volatile.Read(ref producerPosition);
            if (consumer >= producer)
            {
                break;
            }

            byte* header = data + (consumer & _mask);
            uint length = Volatile.Read(ref *(uint*)header);
            if ((length & BusyBit) != 0)
            {
                break;
            }

            uint payload = length & ~(BusyBit | DiscardBit);
            if (payload > _dataSize)
            {
                throw new InvalidOperationException($"BPF ring record at position {consumer} claims {payload} bytes in a {_dataSize}-byte ring");
            }

            if ((length & DiscardBit) == 0)
            {
                sink.OnRecord(new ReadOnlySpan<byte>(header + RecordHeaderSize, (int)payload));
                delivered++;
            }

            consumer += (payload + RecordHeaderSize + 7) & ~7L;
            Volatile.Write(ref consumerPosition, consumer);
        }

        return delivered;
    }

    public void Dispose()
    {
        if (_consumerPage is not null)
        {
            BpfMemoryMap.Unmap(_consumerPage, _pageSize);
            BpfMemoryMap.Unmap(_producerArea, _pageSize + (2 * _dataSize));
            _consumerPage = null;
            _producerArea = null;
        }
    }
}
