using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>timer.s/sec/ms/msec/us/usec/ns/nsec/jiffies(N)[.randomize(M)] and timer.hz(N), on timerfd.</summary>
public sealed class TimerProvider : IProbeProvider
{
    public bool Recognizes(string point) => TimerSpec.Parse(point) is not null;

    public IEventSource Create(ProbeDescriptor probe) =>
        new TimerSource(probe, TimerSpec.Parse(probe.Point) ?? throw new ArgumentException($"not a timer point: {probe.Point}", nameof(probe)));
}
