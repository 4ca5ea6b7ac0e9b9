namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary><c>timer.profile.tick</c>: a cpu-clock sample on every CPU each tick (LANGUAGE.md §8).</summary>
public sealed class ProfileTimerPointBuilder : IProbePointBuilder
{
    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts) =>
        ProbeBuildResult.Of(new ResolvedProbePoint(ProbePointPart.Join(parts)));
}
