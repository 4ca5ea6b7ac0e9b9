namespace FlightRec.Runtime.Providers.Processes;

/// <summary>A process found by the startup scan: its executable's canonical path ("" if unreadable) and whether it is a kernel thread.</summary>
public sealed record RunningProcess(int Pid, string Comm, string Executable, bool IsKernelThread);
