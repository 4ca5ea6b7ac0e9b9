using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// One armed event probe as a dispatch thread sees it: a descriptor to watch in its epoll set
/// and what to do when it becomes readable. A source is served by exactly one thread.
/// </summary>
public interface IEventSource : IDisposable
{
    ProbeDescriptor Probe { get; }

    /// <summary>The descriptor that becomes readable when the probe should fire.</summary>
    int FileDescriptor { get; }

    /// <summary>Starts delivering events (called once, before any dispatch thread runs).</summary>
    void Arm();

    /// <summary>
    /// Consumes the readiness of <see cref="FileDescriptor"/>; true if the probe fires now.
    /// Called on the dispatch thread for every wake-up, so it must not allocate.
    /// </summary>
    bool Consume();
}
