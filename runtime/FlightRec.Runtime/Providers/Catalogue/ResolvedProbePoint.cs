namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// One concrete probe a family built from a point: its canonical text (what <c>pp()</c> returns
/// and what the module declares) and the target variables its handler may read.
/// </summary>
public sealed record ResolvedProbePoint(string Point, IReadOnlyList<ProbeTargetVariable> TargetVariables)
{
    public ResolvedProbePoint(string point)
        : this(point, [])
    {
    }
}
