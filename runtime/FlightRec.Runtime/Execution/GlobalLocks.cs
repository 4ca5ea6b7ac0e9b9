namespace FlightRec.Runtime.Execution;

/// <summary>
/// The global-variable locks of a session (LANGUAGE.md §5.13, DESIGN.md "Host and probes"):
/// one reader/writer lock per global. A handler takes the locks of the globals it uses in one
/// global order (by index), shared for globals it only reads — and for <c>&lt;&lt;&lt;</c>,
/// which goes to per-CPU aggregates — and exclusive for globals it writes. Each lock is tried
/// for at most MAXTRYLOCK × TRYLOCKDELAY plus <see cref="PreemptionAllowance"/>; a handler that
/// cannot get its locks is skipped.
/// </summary>
public sealed class GlobalLocks : IDisposable
{
    /// <summary>
    /// stap's handlers run with preemption off, so its 1 ms bound only ever measures other
    /// handlers' work. Ours are threads: a holder the scheduler preempts keeps its lock for a time
    /// slice or more, and on a busy machine 1 ms would skip (and so miscount) events that are
    /// merely waiting their turn. The allowance covers a few time slices; a lock held longer than
    /// that is a real overload, skipped and counted as in stap.
    /// </summary>
    public static readonly TimeSpan PreemptionAllowance = TimeSpan.FromMilliseconds(50);

    private readonly ReaderWriterLockSlim[] _locks;
    private readonly TimeSpan _timeout;

    public GlobalLocks(int globals, ScriptLimits limits)
    {
        _locks = new ReaderWriterLockSlim[globals];
        for (int i = 0; i < globals; i++)
        {
            _locks[i] = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);
        }

        _timeout = TimeSpan.FromTicks(Math.Max(1, (long)limits.MaxTryLock * limits.TryLockDelay * 10)) + PreemptionAllowance;
    }

    /// <summary>
    /// The ordered lock list of a handler: every global it reads or writes, once, by index;
    /// exclusive when it writes the global.
    /// </summary>
    public static LockPlan Plan(IReadOnlyList<int> reads, IReadOnlyList<int> writes)
    {
        var modes = new SortedDictionary<int, bool>();
        foreach (int r in reads)
        {
            modes.TryAdd(r, false);
        }

        foreach (int w in writes)
        {
            modes[w] = true;
        }

        return new LockPlan([.. modes.Keys], [.. modes.Values]);
    }

    /// <summary>Takes all locks of <paramref name="plan"/> or none; false when one timed out.</summary>
    public bool TryEnter(LockPlan plan)
    {
        for (int i = 0; i < plan.Globals.Length; i++)
        {
            var l = _locks[plan.Globals[i]];
            bool taken = plan.Exclusive[i] ? l.TryEnterWriteLock(_timeout) : l.TryEnterReadLock(_timeout);
            if (!taken)
            {
                Release(plan, i);
                return false;
            }
        }

        return true;
    }

    public void Exit(LockPlan plan) => Release(plan, plan.Globals.Length);

    private void Release(LockPlan plan, int count)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            var l = _locks[plan.Globals[i]];
            if (plan.Exclusive[i])
            {
                l.ExitWriteLock();
            }
            else
            {
                l.ExitReadLock();
            }
        }
    }

    public void Dispose()
    {
        foreach (var l in _locks)
        {
            l.Dispose();
        }
    }
}
