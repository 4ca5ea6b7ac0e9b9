using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// <c>kernel.trace("SUBSYSTEM:EVENT")</c>, globs included: one probe per matching event of
/// the running kernel's tracefs, whose format fields become <c>$field</c> target variables
/// (strings for char arrays and <c>__data_loc char[]</c>, longs otherwise), plus stap's
/// <c>$$name</c>, <c>$$parms</c> and <c>$$vars</c>. Where tracefs is absent or unreadable, or no
/// event matches, it says so, with the closest event names.
/// </summary>
public sealed class TracepointPointBuilder(TracefsCatalogue tracefs) : IProbePointBuilder
{
    private const int MaxSuggestions = 5;

    public ProbeBuildResult Build(IReadOnlyList<ProbePointPart> parts)
    {
        string pattern = parts[^1].Text ?? "";
        int colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (pattern.Length == 0 || colon == pattern.Length - 1)
        {
            return ProbeBuildResult.Failure("invalid tracepoint string provided");
        }

        if (!tracefs.IsAvailable)
        {
            return ProbeBuildResult.Failure($"kernel.trace probes are not available: {tracefs.UnavailableReason}");
        }

        var events = tracefs.Match(pattern);
        if (events.Count == 0)
        {
            return ProbeBuildResult.Failure($"no match for tracepoint \"{pattern}\"" + Similar(pattern));
        }

        var points = new List<ResolvedProbePoint>(events.Count);
        foreach (string name in events)
        {
            TracepointFormat format;
            try
            {
                format = tracefs.Format(name);
            }
            catch (TracefsException e)
            {
                return ProbeBuildResult.Failure(e.Message);
            }

            points.Add(new ResolvedProbePoint($"kernel.trace(\"{name}\")", Variables(format)));
        }

        return ProbeBuildResult.Of(points);
    }

    private static List<ProbeTargetVariable> Variables(TracepointFormat format)
    {
        var variables = format.Fields
            .Select(f => new ProbeTargetVariable("$" + f.Name, f.IsString ? ProbeValueType.String : ProbeValueType.Long, f.CType))
            .ToList();
        variables.Add(new ProbeTargetVariable("$$name", ProbeValueType.String, "string"));
        variables.Add(new ProbeTargetVariable("$$parms", ProbeValueType.String, "string"));
        variables.Add(new ProbeTargetVariable("$$vars", ProbeValueType.String, "string"));
        return variables;
    }

    // Compare like with like: a pattern with a subsystem against full names, a bare event name against event names.
    private string Similar(string pattern)
    {
        int glob = pattern.IndexOfAny(['*', '?', '[']);
        string target = glob > 0 ? pattern[..glob] : pattern;
        bool qualified = target.Contains(':', StringComparison.Ordinal);
        var candidates = tracefs.Events.Select(e => qualified ? e : e[(e.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        return glob == 0 ? "" : SimilarNames.Clause(target, candidates, MaxSuggestions, "similar tracepoints");
    }
}
