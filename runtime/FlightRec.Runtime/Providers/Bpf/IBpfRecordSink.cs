namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>Receives ring buffer records as <see cref="BpfRingBufferReader.Drain"/> finds them.</summary>
public interface IBpfRecordSink
{
    /// <summary>
    /// One record, valid only during the call: the ring space is handed back to the kernel
    /// right after. Called on the draining thread; must not allocate on the hot path.
    /// </summary>
    void OnRecord(ReadOnlySpan<byte> record);
}
