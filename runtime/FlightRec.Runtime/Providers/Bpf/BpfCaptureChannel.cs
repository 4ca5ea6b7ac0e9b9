using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Where capture programs write: one ring buffer map (shared by every probe of a module; the
/// probe index in each record tells them apart), its reader, and the per-CPU counter of
/// records dropped because the ring was full.
/// </summary>
public sealed class BpfCaptureChannel : IDisposable
{
    private BpfCaptureChannel(BpfMap ringBuffer, BpfMap lostCounter, BpfRingBufferReader reader)
    {
        RingBuffer = ringBuffer;
        LostCounter = lostCounter;
        Reader = reader;
    }

    public BpfMap RingBuffer { get; }

    /// <summary>A per-CPU array with one u64: records the programs could not reserve.</summary>
    public BpfMap LostCounter { get; }

    public BpfRingBufferReader Reader { get; }

    /// <summary>
    /// A channel whose ring holds <paramref name="ringBufferBytes"/> bytes: a power of two and a
    /// multiple of the page size (the kernel refuses anything else).
    /// </summary>
    public static BpfCaptureChannel Create(int ringBufferBytes)
    {
        if (ringBufferBytes < Environment.SystemPageSize || (ringBufferBytes & (ringBufferBytes - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ringBufferBytes), ringBufferBytes, $"a BPF ring is a power of two of at least {Environment.SystemPageSize} bytes");
        }

        var ring = BpfMap.CreateRingBuffer(ringBufferBytes, "fr_capture");
        BpfMap? lost = null;
        try
        {
            lost = BpfMap.Create(BpfMapType.PerCpuArray, 4, 8, 1, "fr_lost");
            return new BpfCaptureChannel(ring, lost, BpfRingBufferReader.Open(ring));
        }
        catch
        {
            lost?.Dispose();
            ring.Dispose();
            throw;
        }
    }

    /// <summary>Records lost so far, summed over CPUs.</summary>
    public long ReadLost() => LostCounter.SumPerCpuCounter(0);

    public void Dispose()
    {
        Reader.Dispose();
        LostCounter.Dispose();
        RingBuffer.Dispose();
    }
}
