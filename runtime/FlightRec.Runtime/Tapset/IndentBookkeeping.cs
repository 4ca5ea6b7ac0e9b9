namespace FlightRec.Runtime.Tapset;

/// <summary>
/// The counters and base timestamps behind thread_indent()/indent() (tapset indent.stp's
/// <c>_indent_counters</c>/<c>_indent_timestamps</c> globals): one pair per key, the key being a
/// tid, or -1 for indent(). Shared by all handlers of a session, hence the lock.
/// </summary>
public sealed class IndentBookkeeping
{
    /// <summary>The key indent() and indent_depth() use.</summary>
    public const long GlobalKey = -1;

    private readonly Dictionary<long, Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>
    /// The depth for this call: <c>max(counter + max(delta, 0) − 1, 0)</c> taken before
    /// <c>counter += delta</c> (pre-increment on entry, post-decrement on exit).
    /// </summary>
    public long Depth(long key, long delta)
    {
        lock (_lock)
        {
            ref var entry = ref GetEntry(key);
            return Advance(ref entry, delta);
        }
    }

    /// <summary>
    /// Like <see cref="Depth"/>, and also returns microseconds since the key's base time, which is
    /// reset to <paramref name="nowMicroseconds"/> whenever the counter is 0 at call time.
    /// </summary>
    public long DepthAndElapsed(long key, long delta, long nowMicroseconds, out long elapsedMicroseconds)
    {
        lock (_lock)
        {
            ref var entry = ref GetEntry(key);
            if (entry.Counter == 0)
            {
                entry.BaseMicroseconds = nowMicroseconds;
            }

            elapsedMicroseconds = nowMicroseconds - entry.BaseMicroseconds;
            return Advance(ref entry, delta);
        }
    }

    private static long Advance(ref Entry entry, long delta)
    {
        long x = entry.Counter + (delta > 0 ? delta : 0);
        entry.Counter += delta;
        return x > 0 ? x - 1 : 0;
    }

    private ref Entry GetEntry(long key) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out _);

    private struct Entry
    {
        public long Counter;
        public long BaseMicroseconds;
    }
}
