namespace FlightRec.Runtime.Context;

/// <summary>Who a task is, for ppid(), uid(), euid(), gid() and egid(): all 0 when it cannot be known.</summary>
public readonly record struct TaskIdentity(long Ppid, long Uid, long Euid, long Gid, long Egid);
