using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Context variables, casts and autocasts (<c>$x</c>, <c>@cast</c>, <c>p-&gt;f</c>) that survive
/// the optimizer cannot be resolved yet: stap reports them at type resolution, after dead code
/// went, so an unused <c>foo-&gt;has-&gt;no-&gt;type</c> statement is elided with a warning rather than
/// refused (conformance sem-ok autocast09). Functions first, then probes, as stap types them.
/// </summary>
public sealed class TargetSymbolPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        var bodies = context.Functions.Values.Where(f => !f.Elided && f.Body is Block).Select(f => f.Body!)
            .Concat(context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance).SelectMany(p => p.Bodies));
        foreach (var body in bodies)
        {
            foreach (var node in PreOrder(body))
            {
                if (node is TargetVariable or TargetExpression or CastExpression or EnumNameExpression or DerefExpression
                    or AtLiteralOperator)
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
