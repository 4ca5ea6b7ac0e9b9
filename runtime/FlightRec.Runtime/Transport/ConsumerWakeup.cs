using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// Lets a host wake its sleeping consumer before the reader timeout, as relayfs wakes stapio when a
/// sub-buffer fills: a ring that falls far behind its consumer (a burst, a stalled file write) would
/// otherwise drop records while the consumer sleeps. One word of the session page: a sequence the
/// writers bump and the consumer sleeps on, so a wake that comes between the consumer's last look
/// and its sleep makes the sleep return at once. The consumer maps the page read-only, so it cannot
/// say whether it sleeps: a writer always makes the wake call, which costs a system call per
/// 1/16 of a ring written while the consumer is behind (none while it keeps up).
/// </summary>
public sealed unsafe class ConsumerWakeup
{
    private readonly int* _sequence;

    internal ConsumerWakeup(int* sequence) => _sequence = sequence;

    /// <summary>Read before looking for data; pass to <see cref="Sleep"/> if none was found.</summary>
    public int Sequence => Volatile.Read(ref *_sequence);

    /// <summary>Sleeps up to <paramref name="timeoutMs"/> unless a writer has woken the consumer since <paramref name="seen"/>.</summary>
    public void Sleep(int seen, int timeoutMs) => Futex.WaitWhile(_sequence, seen, timeoutMs);

    /// <summary>Wakes the consumer if it sleeps; safe from any thread of the host.</summary>
    public void Wake()
    {
        Interlocked.Increment(ref *_sequence);
        Futex.WakeAll(_sequence);
    }
}
