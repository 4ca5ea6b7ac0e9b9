namespace FlightRec.Runtime.Transport;

/// <summary>
/// What a dump found: records delivered, records no longer in the rings (overwritten, or
/// dropped by a full discard ring) with their payload bytes, records torn by a crash, and
/// ring files that could not be read whole.
/// </summary>
public sealed record DumpSummary(
    long Records,
    long Overwritten,
    long OverwrittenBytes,
    long Dropped,
    long DroppedBytes,
    int TornRecords,
    int DamagedRings,
    bool HostAlive);
