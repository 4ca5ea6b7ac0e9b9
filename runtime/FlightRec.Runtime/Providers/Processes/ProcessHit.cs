namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// The context of one begin/end handler run: the process it is about (pid, the task's tid, its
/// comm) and the CPU and CLOCK_MONOTONIC time of the event (of the scan, for startup begins).
/// </summary>
public readonly record struct ProcessHit(int Pid, int Tid, TaskComm Comm, int Cpu, long TimeNanoseconds);
