using System.Collections.Immutable;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// Every probe point shape this runtime can arm, for the compiler's pass 2: it matches script
/// points (wildcards and aliases included) against these shapes and lets each family's builder
/// check arguments and name the target variables. A family the runtime learns is one more
/// pattern here; the compiler's resolver needs no edit.
/// </summary>
public sealed class ProbeCatalogue(IReadOnlyList<ProbePattern> patterns)
{
    private static readonly string[] TimerUnits = ["s", "sec", "ms", "msec", "us", "usec", "ns", "nsec", "hz", "jiffies"];

    public IReadOnlyList<ProbePattern> Patterns { get; } = patterns;

    /// <summary>
    /// Why some families resolve to nothing on this machine (tracefs unreadable without root), or
    /// null: a point that matches nothing, e.g. a tapset alias over an optional kernel.trace,
    /// says so instead of a bare "no match". Asked only then: reading tracefs's state marks the
    /// script as depending on it, which keeps it out of the script cache.
    /// </summary>
    public Func<string?> Unavailable { get; init; } = () => null;

    /// <summary>The families of the host as built today, with tracepoints from the running kernel's tracefs.</summary>
    public static ProbeCatalogue CreateDefault() => CreateDefault(TracefsCatalogue.Open());

    public static ProbeCatalogue CreateDefault(TracefsCatalogue tracefs)
    {
        var patterns = new List<ProbePattern>();
        var session = new SessionPointBuilder();
        foreach (string name in new[] { "begin", "end", "error" })
        {
            patterns.Add(Pattern(session, (name, ProbeArgumentKind.None)));
            patterns.Add(Pattern(session, (name, ProbeArgumentKind.Number)));
        }

        patterns.Add(Pattern(session, ("never", ProbeArgumentKind.None)));

        var timer = new TimerPointBuilder();
        foreach (string unit in TimerUnits)
        {
            patterns.Add(Pattern(timer, ("timer", ProbeArgumentKind.None), (unit, ProbeArgumentKind.Number)));
            if (unit != "hz")
            {
                patterns.Add(Pattern(timer, ("timer", ProbeArgumentKind.None), (unit, ProbeArgumentKind.Number),
                    ("randomize", ProbeArgumentKind.Number)));
            }
        }

        patterns.Add(Pattern(new ProfileTimerPointBuilder(), ("timer", ProbeArgumentKind.None),
            ("profile", ProbeArgumentKind.None), ("tick", ProbeArgumentKind.None)));
        patterns.Add(Pattern(new TracepointPointBuilder(tracefs), ("kernel", ProbeArgumentKind.None),
            ("trace", ProbeArgumentKind.String)));
        var process = new ProcessPointBuilder();
        foreach (var selector in new[] { ProbeArgumentKind.None, ProbeArgumentKind.String, ProbeArgumentKind.Number })
        {
            patterns.Add(Pattern(process, ("process", selector), ("begin", ProbeArgumentKind.None)));
            patterns.Add(Pattern(process, ("process", selector), ("end", ProbeArgumentKind.None)));
            patterns.Add(Pattern(process, ("process", selector), ("exec", ProbeArgumentKind.None)));
        }

        AddPerf(patterns);
        return new ProbeCatalogue(patterns)
        {
            Unavailable = () => tracefs.IsAvailable ? null : $"kernel.trace probes are not available: {tracefs.UnavailableReason}",
        };
    }

    // stap's perf.type(N).config(N) shapes, plus FR's rate-then-process combinations (LANGUAGE.md §8.3).
    private static void AddPerf(List<ProbePattern> patterns)
    {
        var perf = new PerfPointBuilder();
        (string, ProbeArgumentKind)[] eventShape = [("perf", ProbeArgumentKind.None), ("type", ProbeArgumentKind.Number), ("config", ProbeArgumentKind.Number)];
        (string, ProbeArgumentKind)[][] rates = [[], [("sample", ProbeArgumentKind.Number)], [("hz", ProbeArgumentKind.Number)]];
        (string, ProbeArgumentKind)[][] scopes = [[], [("process", ProbeArgumentKind.None)], [("process", ProbeArgumentKind.String)]];
        foreach (var rate in rates)
        {
            foreach (var scope in scopes)
            {
                patterns.Add(Pattern(perf, [.. eventShape, .. rate, .. scope]));
            }
        }

        patterns.Add(Pattern(perf, [.. eventShape, ("counter", ProbeArgumentKind.String)]));
        patterns.Add(Pattern(perf, [.. eventShape, ("process", ProbeArgumentKind.String), ("counter", ProbeArgumentKind.String)]));
    }

    private static ProbePattern Pattern(IProbePointBuilder builder, params (string Name, ProbeArgumentKind Argument)[] components) =>
        new([.. components.Select(c => new ProbeComponentShape(c.Name, c.Argument))], builder);
}
