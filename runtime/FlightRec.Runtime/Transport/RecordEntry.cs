namespace FlightRec.Runtime.Transport;

/// <summary>One copied record: where it was in the ring, its identity, and where its payload is in the batch.</summary>
internal readonly record struct RecordEntry(
    long Position,
    long Size,
    ulong Sequence,
    long Timestamp,
    long Stream,
    int PayloadStart,
    int Length)
{
    public long End => Position + Size;
}
