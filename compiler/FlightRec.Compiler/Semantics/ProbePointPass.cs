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
                    node = node.Bind(ProbePointResolver.Shape(component));
                }

                node.Aliases.Add(alias);
            }
        }

        var resolver = new ProbePointResolver(context, root);
        foreach (var probe in context.Files.SelectMany(f => f.Probes).Where(p => p.Kind == AliasKind.None))
        {
            var derivation = new ProbeDerivation([ProbePointText.Signature(probe)], [], [probe.Body], [], [])
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

}
