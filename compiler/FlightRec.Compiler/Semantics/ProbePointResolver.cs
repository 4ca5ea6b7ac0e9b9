using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's derive_probes and match_node::find_and_build over a <see cref="ProbeMatchNode"/> tree:
/// the concrete probes of a list of points, with wildcard fan-out, alias expansion (suffixes
/// included), loop detection, and failures reported (or rethrown to an enclosing suffix
/// expansion) in stap's words and nesting.
/// </summary>
internal sealed class ProbePointResolver(SemanticContext context, ProbeMatchNode root)
{
    // Families stap has and FlightRec does not implement yet: say so instead of "mismatch".
    private static readonly HashSet<string> UnimplementedFamilies =
    [
        "kernel", "kernel.function", "kernel.statement", "kernel.data", "kernel.mark",
        "module", "process.function", "process.statement", "process.mark", "process.provider", "process.plt", "process.library", "nd_syscall", "procfs", "netfilter", "java",
        "python2", "python3", "hrtimer", "kprobe", "debuginfod", "generic", "scheduler", "vm", "ioblock",
        "socket", "tcp", "udp", "signal", "nfs", "sunrpc", "scsi", "irq_handler", "softirq", "workqueue",
    ];

    public static ProbeComponentShape Shape(ProbePointComponent component) => new(component.Name, component.Argument switch
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


    private readonly List<(ImmutableList<Block> Bodies, SymbolScope Scope)> _scopes = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>stap's derive_probes: the probes of a list of points; reports or rethrows failures.</summary>
    public List<ProbeSymbol> Derive(IEnumerable<ProbePoint> points, ProbeDerivation derivation, bool parentOptional, bool rethrow)
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
                catch (ProbeResolveError) when (optional)
                {
                    continue;
                }

                if (!optional && results.Count == before)
                {
                    string? why = context.Catalogue.Unavailable();
                    throw new ProbeResolveError(why is null ? "no match" : $"no match ({why})", null);
                }

                if (point.Sufficient && results.Count > before)
                {
                    break;
                }
            }
            catch (ProbeResolveError e) when (!rethrow)
            {
                Report(point, e);
            }
        }

        return results;
    }

    private void Report(ProbePoint point, ProbeResolveError error)
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
        ProbeDerivation derivation, List<ProbeSymbol> results)
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
                catch (ProbeResolveError e) when (e is not RecursiveAliasError)
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
                throw new ProbeResolveError("probe point mismatch: didn't find any wildcard matches" + Similar(node, component.Name),
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
            throw new ProbeResolveError(UnimplementedFamilies.Contains(family)
                ? $"probe point not available: FlightRec does not implement '{family}' probes yet"
                : "probe point mismatch" + Similar(node, component.Name), component);
        }
    }

    private void BuildEnd(ProbeMatchNode node, ProbePoint point, List<ProbePointComponent> components, ProbeDerivation derivation,
        List<ProbeSymbol> results)
    {
        if (!node.IsEnd)
        {
            string follow = string.Concat(node.Children.Keys.Select(k => " " + k));
            throw new ProbeResolveError($"probe point truncated (follow: {follow})", components[^1]);
        }

        foreach (var family in node.Families)
        {
            var built = family.Build([.. components.Select(Part)]);
            if (built.Error is { } error)
            {
                throw new ProbeResolveError(error, null);
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
        ProbeDerivation derivation, List<ProbeSymbol> results)
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
            throw new ProbeResolveError("invalid suffix for probe", components[position]);
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
            catch (ProbeResolveError e) when (!point.Optional)
            {
                throw new ProbeResolveError(e.Message, components[position]);
            }
            catch (ProbeResolveError)
            {
                // An optional point tolerates a suffix no expansion accepts.
            }
        }
    }

    private List<ProbeSymbol> ExpandAlias(ProbeDeclaration alias, ProbePoint use, List<ProbePointComponent> used,
        List<ProbePointComponent> suffix, ProbeDerivation derivation)
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

    private ProbeSymbol Concrete(ResolvedProbePoint resolved, ProbeDerivation derivation)
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
