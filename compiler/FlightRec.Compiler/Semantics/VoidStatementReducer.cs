using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's void_statement_reducer (opt5, run with -u too): an expression statement whose value
/// nobody uses is replaced by the parts that may have effects. <c>a &amp;&amp; b</c> becomes
/// <c>if (a) b</c>, <c>a || b</c> <c>if (!a) b</c>, <c>c ? x : y</c> an if/else; other operators
/// become their operands in sequence; a call to a function with no effect on globals becomes its
/// arguments, so the function may stop being reached. It prints nothing.
/// </summary>
public sealed class VoidStatementReducer(SemanticContext context, SymbolScope scope, IReadOnlySet<VariableSymbol> globals,
    Action changed) : SyntaxRewriter(context, scope)
{
    public override Statement? Statement(Statement statement) => statement switch
    {
        ExpressionStatement e => Reduce(e),
        Block or IfStatement or ForStatement or ForeachStatement or TryStatement => base.Statement(statement),
        _ => statement,
    };

    // Expressions are never rewritten here, only statements.
    public override Expression Expression(Expression e) => e;

    private Statement? Reduce(ExpressionStatement statement)
    {
        var e = statement.Expression;
        switch (e)
        {
            case BinaryExpression { Operator: "&&" } and:
                return Replaced(new IfStatement(and.Span, and.Left, Evaluate(and.Right), null));
            case BinaryExpression { Operator: "||" } or:
                return Replaced(new IfStatement(or.Span, new UnaryExpression(or.Left.Span, "!", or.Left), Evaluate(or.Right), null));
            case TernaryExpression t:
                return Replaced(new IfStatement(t.Span, t.Condition, Evaluate(t.WhenTrue), Evaluate(t.WhenFalse)));
            case BinaryExpression b:
                return Sequence(b.Span, b.Left, b.Right);
            case UnaryExpression u:
                return Replaced(Evaluate(u.Operand));
            case RegexMatch r:
                return Replaced(Evaluate(r.Subject));
            case FunctionCall call when call.Arguments.Length > 0 && HasNoEffect(call):
                return Sequence(call.Span, [.. call.Arguments]);
            case PrintCall print when print.Name.StartsWith("sprint", StringComparison.Ordinal) && print.Arguments.Length > 0:
                return Sequence(print.Span, [.. print.Arguments]);
            case TargetVariable:
                return Sequence(e.Span);
            case TargetExpression target:
                return Sequence(target.Span, [target.Operand, .. target.Components.Select(c => c.Index).OfType<Expression>()]);
            case CastExpression cast:
                return Sequence(cast.Span, cast.Operand);
            case AtOperator { Name: "@defined" }:
                changed();
                return null;
            default:
                return statement;
        }
    }

    private static ExpressionStatement Evaluate(Expression e) => new(e.Span, e);

    private Statement? Replaced(Statement replacement)
    {
        changed();
        return Statement(replacement);
    }

    private Statement? Sequence(Diagnostics.SourceSpan span, params Expression[] parts)
    {
        changed();
        var block = new Block(span, [.. parts.Select(Evaluate)]);
        return Statement(block);
    }

    // stap checks the callee's body against the globals only: writing its own locals is no effect.
    private bool HasNoEffect(FunctionCall call)
    {
        if (!Context.Calls.TryGetValue(call, out var function))
        {
            return false;
        }

        if (function.IsBuiltin)
        {
            return !BuiltinEffects.HasSideEffects(function);
        }

        if (function.Body is not { } body)
        {
            return false;
        }

        var use = new VariableUse(Context);
        use.Enter(function);
        use.Visit(body, function.Scope);
        return use.SideEffectFreeWith(globals);
    }
}
