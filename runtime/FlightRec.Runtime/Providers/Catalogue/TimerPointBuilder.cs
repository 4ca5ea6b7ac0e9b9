namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// <c>timer.UNIT(N)[.randomize(M)]</c>: checked with <see cref="TimerSpec"/>, the same rules the
/// host applies when it arms the timer, so a bad interval fails at pass 2 with stap's words.
/// </summary>
public sealed class TimerPointBuilder : IProbePointBuilder
{
    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts)
    {
        string point = ProbePointPart.Join(parts);
        try
        {
            return TimerSpec.Parse(point) is null
                ? ProbeBuildResult.Failure("unrecognized timer variant")
                : ProbeBuildResult.Of(new ResolvedProbePoint(point));
        }
        catch (ProbePointException e)
        {
            return ProbeBuildResult.Failure(e.Reason);
        }
    }
}
