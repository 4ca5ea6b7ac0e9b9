using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Resolves every probe's points into concrete probes, as stap's derive_probes does: points are
/// matched component by component against a tree of the runtime's probe families
/// (<see cref="ProbeCatalogue"/>) and the aliases of the script and its tapsets; wildcards fan
/// out over the tree, an alias expands into its own points (with its prologue and epilogue
/// bodies, and any unmatched suffix appended), <c>?</c> tolerates failure and <c>!</c> stops at
/// the first point that resolves. Errors keep stap's words and nesting.
/// </summary>
public sealed class ProbePointPass : ISemanticPass
{
    // Families stap has and FlightRec does not implement yet: say so instead of "mismatch".
    private static readonly HashSet<string> UnimplementedFamilies =
    [
        "kernel", "kernel.function", "kernel.statement", "kernel.data", "kernel.mark",
        "module", "process", "syscall", "nd_syscall", "perf", "procfs", "netfilter", "java",
        "python2", "python3", "hrtimer", "kprobe", "debuginfod", "generic", "scheduler", "vm", "ioblock",
        "socket", "tcp", "udp", "signal", "nfs", "sunrpc", "scsi", "irq_handler", "softirq", "workqueue",
    ];

    public void Run(SemanticContext context)
    {
        var root = ProbeMatchNode.FromCatalogue(context.Catalogue);
        foreach (var alias in context.Files.SelectMany(f => f.Probes).Where(p => p.Kind != AliasKind.None))
        {
            foreach (var name in alias.AliasNames)
            {
                if (name.Components.FirstOrDefault(c => Glob.IsPattern(c.Name)) is { } wild)
                {
                    context.Error("while registering probe alias", (alias.Span, "keyword"),
                        "probe alias names cannot contain wildcards", TokenDescriber.Component(wild));
                    continue;
                }

                var node = root;
                foreach (var component in name.Components)
                {
                    node = node.Bind(Shape(component));
                }

                node.Aliases.Add(alias);
            }
        }

        var resolver = new Resolver(context, root);
        foreach (var probe in context.Files.SelectMany(f => f.Probes).Where(p => p.Kind == AliasKind.None))
        {
            var derivation = new Derivation([ProbePointText.Signature(probe)], [], [probe.Body], [], [])
            {
                Primary = probe.Span.File == context.Script.Source,
            };
            context.Probes.AddRange(resolver.Derive(probe.Points, derivation, parentOptional: false, rethrow: false));
        }

        if (context.Probes.Count == 0 && !context.Diagnostics.HasErrors)
        {
            context.Diagnostics.Add(Diagnostic.Semantic("no probes found"));
        }
    }

    private static ProbeComponentShape Shape(ProbePointComponent component) => new(component.Name, component.Argument switch
    {
        NumberLiteral => ProbeArgumentKind.Number,
        StringLiteral => ProbeArgumentKind.String,
        _ => ProbeArgumentKind.None,
    });

    private static ProbePointPart Part(ProbePointComponent component) => component.Argument switch
    {
        NumberLiteral n => ProbePointPart.WithNumber(component.Name, n.Value),
        StringLiteral s => ProbePointPart.WithString(component.Name, s.Text),
        _ => ProbePointPart.Bare(component.Name),
    };

    /// <summary>What an expansion carries down: stap's derivation chain and the bodies around the probe's own.</summary>
    private sealed record Derivation(
        ImmutableList<string> Chain,
        ImmutableList<Block> Before,
        ImmutableList<Block> Bodies,
        ImmutableList<Block> After,
        ImmutableList<ProbeDeclaration> Aliases)
    {
        /// <summary>The <c>if (...)</c> guards met on the way, all of which must hold (stap joins them with &amp;&amp;).</summary>
        public ImmutableList<Expression> Conditions { get; init; } = [];

        /// <summary>The name -l shows: set by the first alias expanded from the user's point.</summary>
        public string? ListedAs { get; init; }

        public bool Primary { get; init; } = true;
    }

    /// <summary>A resolution failure; <see cref="At"/> is null for a family's own complaint (no token, as in stap).</summary>
    private class ResolveError(string message, ProbePointComponent? at) : Exception(message)
    {
        public ProbePointComponent? At { get; } = at;
    }

    /// <summary>Never swallowed by wildcard or optional matching, so a loop is always reported.</summary>
    private sealed class RecursiveAliasError(string message, ProbePointComponent? at) : ResolveError(message, at);

    private sealed class Resolver(SemanticContext context, ProbeMatchNode root)
    {
        private readonly List<(ImmutableList<Block> Bodies, SymbolScope Scope)> _scopes = [];
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

        /// <summary>stap's derive_probes: the probes of a list of points; reports or rethrows failures.</summary>
        public List<ProbeSymbol> Derive(IEnumerable<ProbePoint> points, Derivation derivation, bool parentOptional, bool rethrow)
        {
            var results = new List<ProbeSymbol>();
            foreach (var point in points)
            {
                bool optional = point.Optional || parentOptional;
                try
                {
                    int before = results.Count;
                    var guarded = point.Condition is { } condition
                        ? derivation with { Conditions = derivation.Conditions.Add(condition) }
                        : derivation;
                    try
                    {
                        Build(root, point, [.. point.Components], 0, guarded, results);
                    }
                    catch (ResolveError) when (optional)
                    {
                        continue;
                    }

                    if (!optional && results.Count == before)
                    {
                        throw new ResolveError("no match", null);
                    }

                    if (point.Sufficient && results.Count > before)
                    {
                        break;
                    }
                }
                catch (ResolveError e) when (!rethrow)
                {
                    Report(point, e);
                }
            }

            return results;
        }

        private void Report(ProbePoint point, ResolveError error)
        {
            // stap suppresses repeats of one message, wherever they are (an alias loop fails at every level).
            if (!_reported.Add(error.Message))
            {
                return;
            }

            var where = TokenDescriber.Component(point.Components[0]);
            context.Error("while resolving probe point", where);
            context.Diagnostics.Add(error.At is { } at
                ? Diagnostic.Semantic(error.Message, at.Span, TokenDescriber.Component(at).Token)
                : Diagnostic.Semantic(error.Message));
        }

        /// <summary>stap's match_node::find_and_build for the components from <paramref name="position"/> on.</summary>
        private void Build(ProbeMatchNode node, ProbePoint point, List<ProbePointComponent> components, int position,
            Derivation derivation, List<ProbeSymbol> results)
        {
            if (position == components.Count)
            {
                BuildEnd(node, point, components, derivation, results);
                return;
            }

            var component = components[position];
            var shape = Shape(component);
            if (Glob.IsPattern(component.Name))
            {
                int before = results.Count;
                foreach (var (childShape, child) in node.Children)
                {
                    if (childShape.Argument != shape.Argument || !Glob.Matches(component.Name, childShape.Name))
                    {
                        continue;
                    }

                    var concrete = new List<ProbePointComponent>(components) { [position] = component with { Name = childShape.Name } };
                    try
                    {
                        Build(child, point, concrete, position + 1, derivation, results);
                    }
                    catch (ResolveError e) when (e is not RecursiveAliasError)
                    {
                        // A wildcard tries every branch; one that does not fit is not an error.
                    }
                }

                if (results.Count == before)
                {
                    TrySuffix(node, point, components, position, derivation, results);
                }

                if (!point.Optional && results.Count == before)
                {
                    throw new ResolveError("probe point mismatch: didn't find any wildcard matches" + Similar(node, component.Name),
                        component);
                }

                return;
            }

            if (node.Children.TryGetValue(shape, out var next))
            {
                Build(next, point, components, position + 1, derivation, results);
                return;
            }

            int count = results.Count;
            TrySuffix(node, point, components, position, derivation, results);
            if (!point.Optional && results.Count == count)
            {
                string family = string.Join('.', components.Take(position + 1).Select(c => c.Name));
                throw new ResolveError(UnimplementedFamilies.Contains(family)
                    ? $"probe point not available: FlightRec does not implement '{family}' probes yet"
                    : "probe point mismatch" + Similar(node, component.Name), component);
            }
        }

        private void BuildEnd(ProbeMatchNode node, ProbePoint point, List<ProbePointComponent> components, Derivation derivation,
            List<ProbeSymbol> results)
        {
            if (!node.IsEnd)
            {
                string follow = string.Concat(node.Children.Keys.Select(k => " " + k));
                throw new ResolveError($"probe point truncated (follow: {follow})", components[^1]);
            }

            foreach (var family in node.Families)
            {
                var built = family.Build([.. components.Select(Part)]);
                if (built.Error is { } error)
                {
                    throw new ResolveError(error, null);
                }

                foreach (var resolved in built.Points)
                {
                    results.Add(Concrete(resolved, derivation));
                }
            }

            foreach (var alias in node.Aliases)
            {
                results.AddRange(ExpandAlias(alias, point, components, [], derivation));
            }
        }

        // PR12210 in stap: a point longer than an alias name is the alias with a suffix.
        private void TrySuffix(ProbeMatchNode node, ProbePoint point, List<ProbePointComponent> components, int position,
            Derivation derivation, List<ProbeSymbol> results)
        {
            if (!context.SuffixesAllowed)
            {
                return;
            }

            var suffix = components.Skip(position).ToList();
            var used = components.Take(position).ToList();
            // Runtime families take no suffix; stap says so unless the point is optional.
            if (node.Families.Count > 0 && !point.Optional)
            {
                throw new ResolveError("invalid suffix for probe", components[position]);
            }

            foreach (var alias in node.Aliases)
            {
                try
                {
                    results.AddRange(ExpandAlias(alias, point, used, suffix, derivation));
                }
                catch (RecursiveAliasError e)
                {
                    throw new RecursiveAliasError(e.Message, e.At ?? components[position]);
                }
                catch (ResolveError e) when (!point.Optional)
                {
                    throw new ResolveError(e.Message, components[position]);
                }
                catch (ResolveError)
                {
                    // An optional point tolerates a suffix no expansion accepts.
                }
            }
        }

        private List<ProbeSymbol> ExpandAlias(ProbeDeclaration alias, ProbePoint use, List<ProbePointComponent> used,
            List<ProbePointComponent> suffix, Derivation derivation)
        {
            // stap's check: the alias whose expansion produced this point already appeared further up the chain.
            var aliases = derivation.Aliases;
            if (aliases.Count > 1 && aliases.IndexOf(aliases[^1], 0, aliases.Count - 1, ReferenceEqualityComparer.Instance) >= 0)
            {
                var location = used.Count > 0 ? used[0] : suffix[0];
                string name = string.Join('.', used.Concat(suffix).Select(c => Part(c).ToString()));
                throw new RecursiveAliasError(
                    $"recursive loop in alias expansion of {name} at {location.Span.File.Name}:{location.Span.Line}:{location.Span.Column}",
                    null);
            }

            var inner = derivation with
            {
                Chain = derivation.Chain.Insert(0, ProbePointText.Signature(alias)),
                Before = alias.Kind == AliasKind.Prologue ? derivation.Before.Insert(0, alias.Body) : derivation.Before,
                After = alias.Kind == AliasKind.Epilogue
                    ? derivation.After.Add(alias.Body)
                    : alias.Epilogue is { } epilogue ? derivation.After.Add(epilogue) : derivation.After,
                Aliases = derivation.Aliases.Add(alias),
                ListedAs = derivation.ListedAs ?? string.Join('.', used.Concat(suffix).Select(c => Part(c).ToString())),
            };
            var points = alias.Points.Select(p => suffix.Count == 0 ? p : p with { Components = [.. p.Components, .. suffix] });
            return Derive(points, inner, use.Optional, rethrow: suffix.Count > 0);
        }

        private ProbeSymbol Concrete(ResolvedProbePoint resolved, Derivation derivation)
        {
            var bodies = derivation.Before.AddRange(derivation.Bodies).AddRange(derivation.After);
            var scope = _scopes.FirstOrDefault(s => s.Bodies.SequenceEqual(bodies, ReferenceEqualityComparer.Instance)).Scope;
            if (scope is null)
            {
                scope = new SymbolScope();
                _scopes.Add((bodies, scope));
            }

            string chain = string.Concat(derivation.Chain.Select(c => " <- " + c));
            return new ProbeSymbol(resolved.Point, chain, bodies, scope, resolved.TargetVariables)
            {
                ListedAs = derivation.ListedAs ?? resolved.Point,
                IsPrimary = derivation.Primary,
                Conditions = derivation.Conditions,
            };
        }

        // stap suggests the names one level down, without arguments, from the glob's prefix.
        private static string Similar(ProbeMatchNode node, string name)
        {
            int glob = name.IndexOf('*', StringComparison.Ordinal);
            if (glob > 0)
            {
                name = name[..glob];
            }

            return glob == 0 || name.Length == 0 ? "" : SimilarNames.Clause(name, node.Children.Keys.Select(k => k.Name));
        }
    }
}
