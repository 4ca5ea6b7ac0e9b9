using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Whether an expression statement changes nothing, so that stap's optimizer (without -u) drops
/// it before type checking ("Eliding side-effect-free expression"). Conservative: a call to a
/// script function, a print, embedded C or a tapset function that returns nothing (exit, log…)
/// counts as a side effect; value-returning tapset functions are taken as stap's /* pure */ ones.
/// </summary>
internal static class SideEffects
{
    public static bool None(SemanticContext context, Expression expression) =>
        Walk(expression).All(node => node switch
        {
            Assignment or CrementExpression or PrintCall or EmbeddedExpression => false,
            FunctionCall call => context.Calls.TryGetValue(call, out var f) && f.IsBuiltin && f.ReturnType != SemanticType.Unknown,
            _ => true,
        });

    private static IEnumerable<Node> Walk(Node node) => SyntaxChildren.DescendantsAndSelf(node);
}
