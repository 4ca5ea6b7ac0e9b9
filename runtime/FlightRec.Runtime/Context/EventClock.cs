namespace FlightRec.Runtime.Context;

/// <summary>
/// The clocks as a handler of a kernel event sees them: the time of the event, not of its
/// handling (events wait in a ring for a batch). In stap the handler runs inside the event, so
/// gettimeofday_ns() and local_clock_ns() are the event's time; here they are the event's
/// CLOCK_MONOTONIC timestamp, and that plus the realtime offset taken when the batch is handled.
/// </summary>
public sealed class EventClock(IScriptClock host) : IScriptClock
{
    private long _realtimeOffset;

    /// <summary>The event being handled (CLOCK_MONOTONIC ns).</summary>
    public long EventNanoseconds { get; set; }

    public long RealtimeNanoseconds => EventNanoseconds + _realtimeOffset;

    public long MonotonicNanoseconds => EventNanoseconds;

    public long Cycles => host.Cycles;

    public long Hz => host.Hz;

    /// <summary>Takes the realtime − monotonic offset now (once per batch: it changes only when the wall clock is set).</summary>
    public void Synchronize() => _realtimeOffset = host.RealtimeNanoseconds - host.MonotonicNanoseconds;
}
