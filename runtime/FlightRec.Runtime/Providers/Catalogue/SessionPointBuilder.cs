namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// <c>begin</c>, <c>end</c>, <c>error</c> (each with an optional sequence number) and
/// <c>never</c>: the session's own probes, always available.
/// </summary>
public sealed class SessionPointBuilder : IProbePointBuilder
{
    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts) =>
        ProbeBuildResult.Of(new ResolvedProbePoint(ProbePointPart.Join(parts)));
}
