using System.Text;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// What <c>frstap -l PATTERN</c> / <c>-L PATTERN</c> print, as stap's printscript does in dump
/// mode: each probe the pattern resolved to, named as the user can write it (an alias by its
/// name, a family point by its concrete text), sorted and without repeats; with variables,
/// the alias locals (<c>name:type</c>) and target variables (<c>$field:ctype</c>) every probe
/// of that name has. Probes the tapsets add on their own are not listed.
/// </summary>
public static class ProbeListing
{
    public static string Print(SemanticContext context, bool withVariables)
    {
        var text = new StringBuilder();
        var byName = context.Probes.Where(p => p.IsPrimary).GroupBy(p => p.ListedAs).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byName)
        {
            text.Append(group.Key);
            if (withVariables)
            {
                var shared = group.Select(Variables).Aggregate((a, b) => [.. a.Where(b.Contains)]);
                foreach (string variable in shared)
                {
                    text.Append(' ').Append(variable);
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static List<string> Variables(ProbeSymbol probe) =>
    [
        .. probe.Locals.Where(l => !l.Elided).Select(l => $"{l.Name}:{l.Type.Name()}").Distinct(),
        .. probe.TargetVariables.Where(v => !v.Name.StartsWith("$$", StringComparison.Ordinal)).Select(v => $"{v.Name}:{v.SourceType.Replace(" *", "*", StringComparison.Ordinal)}"),
    ];
}
