namespace FlightRec.Runtime.Transport;

/// <summary>
/// How full one data ring is: bytes between tail and head (records with their headers),
/// of those the bytes no consumer has read yet, its capacity, and records dropped so far.
/// </summary>
public sealed record RingUsage(int Cpu, long UsedBytes, long UnreadBytes, long Capacity, long DroppedRecords);
