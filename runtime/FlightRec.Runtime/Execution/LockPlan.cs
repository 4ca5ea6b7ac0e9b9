namespace FlightRec.Runtime.Execution;

/// <summary>The globals one handler locks, in acquisition order, and whether each lock is exclusive.</summary>
public sealed record LockPlan(int[] Globals, bool[] Exclusive)
{
    public static LockPlan None { get; } = new([], []);
}
