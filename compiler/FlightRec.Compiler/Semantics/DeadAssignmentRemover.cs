using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's dead_assignment_remover (opt3): <c>x = expr</c> where the local or parameter
/// <c>x</c> is never read becomes <c>expr</c>, with "Eliding assignment to 'x'". Globals keep
/// their assignments (written-only globals are displayed at the end of the session).
/// </summary>
public sealed class DeadAssignmentRemover(SemanticContext context, SymbolScope scope, VariableUse use, Action changed)
    : SyntaxRewriter(context, scope)
{
    /// <summary>A catch variable nobody reads is dropped (stap's visit_try_block), so it can be elided next round.</summary>
    public override Statement? Statement(Statement statement)
    {
        var rewritten = base.Statement(statement);
        if (rewritten is TryStatement t && Scope.CatchVariables.TryGetValue(t, out var error) && !use.Read.Contains(error))
        {
            Scope.CatchVariables.Remove(t);
        }

        return rewritten;
    }

    public override Expression Expression(Expression e)
    {
        var rewritten = base.Expression(e);
        if (rewritten is Assignment a && a.Target is Variable target && Scope.Bindings.TryGetValue(target, out var symbol)
            && symbol.Kind != SymbolKind.Global && !use.Read.Contains(symbol))
        {
            Context.Warn($"Eliding assignment to '{symbol.Name}'", TokenDescriber.Describe(a));
            changed();
            Context.OriginalStatementStart[a.Value] = Context.OriginalStatementStart.GetValueOrDefault(e) ?? e;
            return a.Value;
        }

        return rewritten;
    }
}
