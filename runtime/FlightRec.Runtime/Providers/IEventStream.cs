using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// An armed source of many events per wake-up for one CPU's dispatch thread: a perf ring shared
/// by all the module's tracepoints on that CPU. Unlike an <see cref="IEventSource"/> it decides
/// per event which probe fires and fills the handler's context (task, time, record) first.
/// </summary>
public interface IEventStream : IDisposable
{
    /// <summary>The dispatch slot (CPU) whose thread serves this stream.</summary>
    int Cpu { get; }

    /// <summary>The descriptor that becomes readable when events are waiting.</summary>
    int FileDescriptor { get; }

    /// <summary>Starts delivering events (called once, after the begin probes ran).</summary>
    void Arm();

    /// <summary>Stops the kernel producing events; what was produced can still be drained.</summary>
    void Disarm();

    /// <summary>
    /// Hands every waiting event to <paramref name="dispatch"/>, on the dispatch thread; must
    /// not allocate per event.
    /// </summary>
    void Drain(IEventDispatch dispatch);

    /// <summary>Events the kernel could not deliver (ring full) so far: reported, never silent.</summary>
    long Lost { get; }
}
