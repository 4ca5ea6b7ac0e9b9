using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Target variables the probe's family does not provide, and casts (<c>@cast</c>, <c>@var</c>),
/// that survive the optimizer are errors: stap reports them at type resolution, after dead code
/// went, so an unused <c>foo-&gt;has-&gt;no-&gt;type</c> statement is elided with a warning rather than
/// refused (conformance sem-ok autocast09). Functions first, then probes, as stap types them.
/// </summary>
public sealed class TargetSymbolPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        var bodies = context.AllFunctions.Where(f => !f.Elided && f.Body is Block).Select(f => f.Body!)
            .Concat(context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance).SelectMany(p => p.Bodies));
        foreach (var body in bodies)
        {
            foreach (var node in PreOrder(body))
            {
                if (node is Expression e && context.TargetErrors.TryGetValue(e, out var deferred))
                {
                    context.Error(deferred.Message, deferred.At);
                }
                else if (node is AtLiteralOperator { Name: "@perf" })
                {
                    // Its .counter("NAME") probes are refused at pass 2 too (PerfPointBuilder).
                    context.Error("@perf is not implemented yet", node);
                }
                else if (node is CastExpression or EnumNameExpression or DerefExpression or AtLiteralOperator)
                {
                    context.Error("unresolved target-symbol expression", node);
                }
            }
        }
    }

    private static IEnumerable<Node> PreOrder(Node node)
    {
        yield return node;
        foreach (var child in SyntaxChildren.Of(node))
        {
            foreach (var descendant in PreOrder(child))
            {
                yield return descendant;
            }
        }
    }
}
