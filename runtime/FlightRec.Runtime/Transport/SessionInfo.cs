namespace FlightRec.Runtime.Transport;

/// <summary>What a session header records once, at creation: the module, its host, and the ring geometry.</summary>
public sealed record SessionInfo(
    string ModuleName,
    string ModulePath,
    int HostPid,
    long HostStartTime,
    RingPolicy Policy,
    bool Bulk,
    int CpuCount,
    long RingCapacity);
