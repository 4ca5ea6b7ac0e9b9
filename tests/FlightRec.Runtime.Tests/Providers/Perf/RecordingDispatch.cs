using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;

namespace FlightRec.Runtime.Tests.Providers.Perf;

/// <summary>A dispatch that runs nothing and remembers each hit as (point, pid, cpu).</summary>
internal sealed class RecordingDispatch(HandlerContext context) : IEventDispatch
{
    public HandlerContext Context { get; } = context;

    public List<(string Point, long Pid, long Cpu)> Hits { get; } = [];

    public void Fire(ProbeDescriptor probe) => Hits.Add((probe.Point, Context.Probe.Pid, Context.Probe.Cpu));
}
