namespace FlightRec.Runtime.Transport;

/// <summary>
/// Where a consumer or a dump delivers what it reads, in timestamp order: script output of a
/// CPU's ring, and lines of the message channel (warnings, errors, loss reports) that go to
/// stderr. Spans are valid only during the call.
/// </summary>
public interface IRecordSink
{
    void Data(int cpu, long timestamp, ReadOnlySpan<byte> payload);

    void Message(long timestamp, ReadOnlySpan<byte> line);

    /// <summary>
    /// Called after a batch has been delivered and before the read positions move past it:
    /// a sink that buffers must hand everything to its file descriptors here, or a consumer
    /// killed right after this call would leave a gap that no later consumer can fill.
    /// </summary>
    void Flush()
    {
    }
}
