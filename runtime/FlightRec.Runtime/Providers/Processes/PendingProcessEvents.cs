namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// Fork, exec and exit events about processes no selector knew yet when they were drained. Each
/// CPU's ring is drained by its own thread, so a child's exec or exit (on the CPU it ran on) can be
/// handled before its parent's fork (on the parent's CPU): the event waits here until the fork
/// makes the child a member, then it is judged by its own time. Entries older than
/// <see cref="WindowNanoseconds"/> behind the newest event are dropped once there are many (a
/// ring drained that late loses the pairing: the limit of per-CPU delivery).
/// </summary>
internal sealed class PendingProcessEvents
{
    public const long WindowNanoseconds = 2_000_000_000;
    private const int Capacity = 16_384;

    private readonly Dictionary<int, PendingExit> _exits = [];
    private readonly Dictionary<int, PendingFork> _forks = [];
    private readonly Dictionary<int, PendingExec> _execs = [];

    public IReadOnlyDictionary<int, PendingFork> Forks => _forks;

    public void AddExit(int pid, in PendingExit exit)
    {
        Make(_exits);
        _exits[pid] = exit;
    }

    public void AddFork(int child, in PendingFork fork)
    {
        Make(_forks);
        _forks[child] = fork;
    }

    /// <summary>Keeps the latest exec of <paramref name="pid"/> (a process that execs twice before its fork is drained keeps the last).</summary>
    public void AddExec(int pid, in PendingExec exec)
    {
        Make(_execs);
        _execs[pid] = exec;
    }

    public bool TryGetExec(int pid, out PendingExec exec) => _execs.TryGetValue(pid, out exec);

    public bool TryGetExit(int pid, out PendingExit exit) => _exits.TryGetValue(pid, out exit);

    /// <summary>Drops what is older than the window behind <paramref name="latest"/>.</summary>
    public void Prune(long latest)
    {
        long before = latest - WindowNanoseconds;
        foreach (var (pid, exit) in _exits)
        {
            if (exit.Time < before)
            {
                _exits.Remove(pid);
            }
        }

        foreach (var (pid, exec) in _execs)
        {
            if (exec.Time < before)
            {
                _execs.Remove(pid);
            }
        }

        foreach (var (child, fork) in _forks)
        {
            if (fork.Time < before)
            {
                _forks.Remove(child);
            }
        }
    }

    private static void Make<T>(Dictionary<int, T> entries)
    {
        // Pruning by time is the caller's; a burst beyond capacity loses half the entries, whichever they are.
        if (entries.Count >= Capacity)
        {
            int drop = Capacity / 2;
            foreach (int key in entries.Keys)
            {
                if (drop-- == 0)
                {
                    break;
                }

                entries.Remove(key);
            }
        }
    }

    internal readonly record struct PendingExit(int Tid, TaskComm Comm, int Cpu, long Time);

    /// <summary>An exec: <see cref="Comm"/> is the new image's; <see cref="Record"/> the raw event when exec probes may need it.</summary>
    internal readonly record struct PendingExec(int Tid, TaskComm Comm, int Cpu, long Time, byte[]? Record);

    internal readonly record struct PendingFork(int Parent, TaskComm Comm, int Cpu, long Time);
}
