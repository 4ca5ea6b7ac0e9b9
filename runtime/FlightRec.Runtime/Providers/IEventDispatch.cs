using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>What an <see cref="IEventStream"/> delivers to: the dispatch thread's context and its way to run a probe.</summary>
public interface IEventDispatch
{
    /// <summary>The context the next <see cref="Fire"/> runs with: fill its <see cref="HandlerContext.Probe"/> first.</summary>
    HandlerContext Context { get; }

    void Fire(ProbeDescriptor probe);
}
