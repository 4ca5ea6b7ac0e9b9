namespace FlightRec.Runtime.Context;

/// <summary>
/// The clocks the time tapset reads (LANGUAGE.md §9.4). The host uses <see cref="SystemScriptClock"/>;
/// tests inject fixed values so that time-dependent output (thread_indent, ctime()) is exact.
/// </summary>
public interface IScriptClock
{
    /// <summary>Nanoseconds since the Unix epoch (CLOCK_REALTIME).</summary>
    long RealtimeNanoseconds { get; }

    /// <summary>Nanoseconds since boot (CLOCK_MONOTONIC).</summary>
    long MonotonicNanoseconds { get; }

    /// <summary>A free-running cycle-like counter (get_cycles()).</summary>
    long Cycles { get; }

    /// <summary>The kernel tick rate CONFIG_HZ used for jiffies() and HZ().</summary>
    long Hz { get; }
}
