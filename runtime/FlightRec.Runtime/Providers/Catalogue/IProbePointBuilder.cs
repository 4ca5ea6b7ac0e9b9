namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// Turns a point that matched a family's shape into concrete probes, checking its literal
/// arguments (ranges, existing events) the way the host will when it arms them.
/// </summary>
public interface IProbePointBuilder
{
    ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts);
}
