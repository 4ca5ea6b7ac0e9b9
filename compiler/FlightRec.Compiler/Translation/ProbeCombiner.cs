using FlightRec.Compiler.Semantics;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// stap 5.6's semantic_pass_opt8 (elaborate.cxx): probes of the same point, without a condition,
/// share one handler, up to 32 per handler, placed where the first of them was. It matters for
/// behaviour: they share one MAXACTION budget and one error count, and an error in one body no
/// longer stops the session before the others ran. With -u stap does not combine.
/// </summary>
internal static class ProbeCombiner
{
    private const int MaxCombined = 32;

    public static List<List<ProbeSymbol>> Group(SemanticContext program, IReadOnlyList<ProbeSymbol> probes)
    {
        var handlers = probes.Select(p => new List<ProbeSymbol> { p }).ToList();
        if (program.Unoptimized)
        {
            return handlers;
        }

        var combined = new List<List<ProbeSymbol>>();
        var open = new Dictionary<string, List<ProbeSymbol>>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            // Global displays are added after stap combines; conditional probes are never combined.
            if (probe.Displays is not null || probe.Conditions.Count > 0)
            {
                combined.Add([probe]);
                continue;
            }

            if (open.TryGetValue(probe.Point, out var handler) && handler.Count < MaxCombined)
            {
                handler.Add(probe);
                continue;
            }

            handler = [probe];
            open[probe.Point] = handler;
            combined.Add(handler);
        }

        return combined;
    }
}
