namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>What a family made of a point: the probes, or one sentence saying why it cannot.</summary>
public sealed class ProbeBuildResult
{
    private ProbeBuildResult(IReadOnlyList<ResolvedProbePoint> points, string? error)
    {
        Points = points;
        Error = error;
    }

    public IReadOnlyList<ResolvedProbePoint> Points { get; }

    /// <summary>stap's wording where stap has one (e.g. "interval value out of range (1, 86400000)").</summary>
    public string? Error { get; }

    public static ProbeBuildResult Of(params IReadOnlyList<ResolvedProbePoint> points) => new(points, null);

    public static ProbeBuildResult Failure(string error) => new([], error);
}
