namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// One <c>sched:sched_switch</c> event as both sides of a comparison print it: the CPU, the task
/// switched out and the task switched in. <paramref name="PrevDead"/> says the task switched out
/// has exited (state Z or X): its last switch, which comes after its exit is reported.
/// </summary>
internal sealed record SchedSwitch(int Cpu, int PrevPid, string PrevComm, int NextPid, string NextComm, bool PrevDead)
{
    public bool Involves(int pid, string comm) =>
        (PrevPid == pid && PrevComm == comm) || (NextPid == pid && NextComm == comm);

    /// <summary>The fields compared, without the CPU (sequences are compared per CPU).</summary>
    public override string ToString() => $"{PrevPid} {PrevComm} -> {NextPid} {NextComm}";
}
