using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Resolves each probe's points into concrete probes: the built-in families FlightRec
/// implements (begin, end, error, never, timer.*) and aliases defined in the script itself,
/// with their prologue and epilogue bodies. Any other point is a positioned error, worded as
/// stap's "while resolving probe point" / "probe point mismatch".
/// </summary>
public sealed class ProbePointPass : ISemanticPass
{
    private const int MaxAliasDepth = 32;

    // Families stap has and FlightRec does not implement yet: say so instead of "mismatch".
    private static readonly HashSet<string> UnimplementedFamilies =
    [
        "kernel", "module", "process", "syscall", "nd_syscall", "perf", "procfs", "netfilter", "java",
        "python2", "python3", "hrtimer", "kprobe", "debuginfod", "generic", "scheduler", "vm", "ioblock",
        "socket", "tcp", "udp", "signal", "nfs", "sunrpc", "scsi", "irq_handler", "softirq", "workqueue",
    ];

    public void Run(SemanticContext context)
    {
        var aliases = new Dictionary<string, List<ProbeDeclaration>>(StringComparer.Ordinal);
        foreach (var alias in context.Script.Probes.Where(p => p.Kind != AliasKind.None))
        {
            foreach (var name in alias.AliasNames)
            {
                if (name.Components.FirstOrDefault(c => c.Name.Contains('*', StringComparison.Ordinal)) is { } wild)
                {
                    context.Error("while registering probe alias", (alias.Span, "keyword"),
                        "probe alias names cannot contain wildcards", TokenDescriber.Component(wild));
                    continue;
                }

                string key = ProbePointText.Point(name);
                if (!aliases.TryGetValue(key, out var list))
                {
                    aliases[key] = list = [];
                }

                list.Add(alias);
            }
        }

        var resolver = new Resolver(context, aliases);
        foreach (var probe in context.Script.Probes.Where(p => p.Kind == AliasKind.None))
        {
            resolver.ResolveProbe(probe);
        }

        if (context.Probes.Count == 0 && !context.Diagnostics.HasErrors)
        {
            context.Diagnostics.Add(Diagnostics.Diagnostic.Semantic("no probes found"));
        }
    }

    private sealed class Resolver(SemanticContext context, Dictionary<string, List<ProbeDeclaration>> aliases)
    {
        private readonly List<(List<Block> Bodies, SymbolScope Scope)> scopes = [];

        public void ResolveProbe(ProbeDeclaration probe)
        {
            string signature = ProbePointText.Signature(probe);
            foreach (var point in probe.Points)
            {
                var found = new List<ProbeSymbol>();
                if (!Expand(point, [signature], [], [probe.Body], [], found, 0, point.Optional))
                {
                    return;
                }

                context.Probes.AddRange(found);
                if (point.Sufficient && found.Count > 0)
                {
                    break;
                }
            }
        }

        /// <summary>Adds the concrete probes of one point; false after reporting an error.</summary>
        private bool Expand(ProbePoint point, List<string> chain, List<Block> before, List<Block> bodies, List<Block> after,
            List<ProbeSymbol> found, int depth, bool optional)
        {
            string name = ProbePointText.Point(point);
            if (aliases.TryGetValue(name, out var definitions))
            {
                if (depth >= MaxAliasDepth)
                {
                    Mismatch(point, point.Components[0], "recursive loop in alias expansion");
                    return false;
                }

                foreach (var alias in definitions)
                {
                    var innerChain = new List<string>(chain);
                    innerChain.Insert(0, ProbePointText.Signature(alias));
                    var innerBefore = alias.Kind == AliasKind.Prologue ? [alias.Body, .. before] : before;
                    var innerAfter = alias.Kind == AliasKind.Epilogue ? [.. after, alias.Body] : after;
                    if (alias.Kind == AliasKind.Prologue && alias.Epilogue is { } epilogue)
                    {
                        innerAfter = [.. innerAfter, epilogue];
                    }

                    foreach (var target in alias.Points)
                    {
                        if (!Expand(target, innerChain, innerBefore, bodies, innerAfter, found, depth + 1, optional || target.Optional))
                        {
                            return false;
                        }
                    }
                }

                return true;
            }

            if (BuiltinFamilies.Mismatch(point) is not { } bad)
            {
                string derivation = string.Concat(chain.Select(c => " <- " + c));
                List<Block> all = [.. before, .. bodies, .. after];
                var scope = scopes.FirstOrDefault(s => s.Bodies.SequenceEqual(all, ReferenceEqualityComparer.Instance)).Scope;
                if (scope is null)
                {
                    scope = new SymbolScope();
                    scopes.Add((all, scope));
                }

                found.Add(new ProbeSymbol(name, derivation, all, scope));
                return true;
            }

            if (optional)
            {
                return true;
            }

            string family = point.Components[0].Name;
            Mismatch(point, bad, UnimplementedFamilies.Contains(family)
                ? $"probe point not available: FlightRec does not implement '{family}' probes yet"
                : "probe point mismatch");
            return false;
        }

        private void Mismatch(ProbePoint point, ProbePointComponent at, string message) =>
            context.Error("while resolving probe point", TokenDescriber.Component(point.Components[0]), message,
                TokenDescriber.Component(at));
    }
}
