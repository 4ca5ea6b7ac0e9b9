using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// Maps a family of probe points to per-CPU <see cref="IEventStream"/>s: all of a module's probes
/// of the family are opened together, so that they share one kernel ring per CPU.
/// </summary>
public interface IStreamProvider
{
    /// <summary>Whether the point belongs to this provider (throws <see cref="ProbePointException"/> when it does but is malformed).</summary>
    bool Recognizes(string point);

    /// <summary>Unarmed streams for <paramref name="probes"/>, at most one per CPU.</summary>
    IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes);

    /// <summary>
    /// As <see cref="Create(IReadOnlyList{ProbeDescriptor})"/>, in a session whose target() is
    /// <paramref name="targetPid"/> (0: none). Providers that attach to the target when they open
    /// (perf <c>.process</c>) use it; the others learn it from the context at each event.
    /// </summary>
    IReadOnlyList<IEventStream> Create(IReadOnlyList<ProbeDescriptor> probes, int targetPid) => Create(probes);
}
