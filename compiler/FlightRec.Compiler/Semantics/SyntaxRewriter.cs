using System.Collections.Immutable;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Rebuilds a body with some nodes replaced or removed, like stap's update_visitor. A node is
/// copied only when one of its children changed, and the copy inherits what resolution recorded
/// for the original (bindings, foreach and catch variables, call targets) so later passes see
/// the rewritten tree as resolved. A statement rewritten to null is gone.
/// </summary>
public abstract class SyntaxRewriter(SemanticContext context, SymbolScope scope)
{
    protected SemanticContext Context { get; } = context;

    protected SymbolScope Scope { get; } = scope;

    public virtual Statement? Statement(Statement statement) => statement switch
    {
        Block b => Carry(b, Rebuild(b)),
        ExpressionStatement e => Carry(e, e with { Expression = Expression(e.Expression) }),
        IfStatement i => Carry(i, RebuildIf(i)),
        ForStatement f => Carry(f, f with
        {
            Init = Optional(f.Init),
            Condition = Optional(f.Condition),
            Increment = Optional(f.Increment),
            Body = Statement(f.Body) ?? new NullStatement(f.Body.Span),
        }),
        ForeachStatement fe => Carry(fe, fe with
        {
            Source = Expression(fe.Source),
            Slice = [.. fe.Slice.Select(Optional)],
            Limit = Optional(fe.Limit),
            Body = Statement(fe.Body) ?? new NullStatement(fe.Body.Span),
        }),
        TryStatement t => Carry(t, t with { Try = AsBlockOf(t.Try), Catch = AsBlockOf(t.Catch) }),
        ReturnStatement r => Carry(r, r with { Value = Optional(r.Value) }),
        DeleteStatement d => Carry(d, d with { Target = Expression(d.Target) }),
        _ => statement,
    };

    public virtual Expression Expression(Expression e) => e switch
    {
        ArrayIndex a => Carry(a, a with { Base = Expression(a.Base), Indexes = [.. a.Indexes.Select(Optional)] }),
        FunctionCall c => Carry(c, c with { Arguments = List(c.Arguments) }),
        PrintCall p => Carry(p, p with { Arguments = List(p.Arguments) }),
        UnaryExpression u => Carry(u, u with { Operand = Expression(u.Operand) }),
        CrementExpression c => Carry(c, c with { Operand = Expression(c.Operand) }),
        BinaryExpression b => Carry(b, b with { Left = Expression(b.Left), Right = Expression(b.Right) }),
        RegexMatch r => Carry(r, r with { Subject = Expression(r.Subject) }),
        TernaryExpression t => Carry(t, t with
        {
            Condition = Expression(t.Condition),
            WhenTrue = Expression(t.WhenTrue),
            WhenFalse = Expression(t.WhenFalse),
        }),
        Assignment a => Carry(a, a with { Target = Expression(a.Target), Value = Expression(a.Value) }),
        ArrayMembership m => Carry(m, m with { Index = (ArrayIndex)Expression(m.Index) }),
        AtOperator { Name: not "@defined" } at => Carry(at, at with { Operand = Expression(at.Operand) }),
        _ => e,
    };

    /// <summary>Rewrites a body that must stay a block (probe and function bodies, try and catch).</summary>
    public Block AsBlockOf(Block block) => Statement(block) switch
    {
        null => block with { Statements = [] },
        Block b => b,
        var single => block with { Statements = [single] },
    };

    protected virtual Block Rebuild(Block block)
    {
        var statements = block.Statements.Select(Statement).OfType<Statement>().ToImmutableArray();
        return SameItems(statements, block.Statements) ? block : block with { Statements = statements };
    }

    private IfStatement RebuildIf(IfStatement i)
    {
        var then = Statement(i.Then) ?? new NullStatement(i.Then.Span);
        var otherwise = i.Else is null ? null : Statement(i.Else);
        return i with { Condition = Expression(i.Condition), Then = then, Else = otherwise };
    }

    private Expression? Optional(Expression? e) => e is null ? null : Expression(e);

    private ImmutableArray<Expression> List(ImmutableArray<Expression> items)
    {
        var rewritten = items.Select(Expression).ToImmutableArray();
        return SameItems(rewritten, items) ? items : rewritten;
    }

    protected static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Keeps the original when nothing inside changed; else lets the copy inherit its annotations.</summary>
    protected T Carry<T>(T original, T copy)
        where T : Node
    {
        if (ReferenceEquals(original, copy) || SyntaxChildren.Of(original).SequenceEqual(SyntaxChildren.Of(copy), ReferenceEqualityComparer.Instance))
        {
            return original;
        }

        if (Scope.Bindings.TryGetValue(original, out var symbol))
        {
            Scope.Bindings[copy] = symbol;
        }

        if (original is ForeachStatement fe && Scope.ForeachVariables.TryGetValue(fe, out var variables))
        {
            Scope.ForeachVariables[(ForeachStatement)(Node)copy] = variables;
        }

        if (original is TryStatement t && Scope.CatchVariables.TryGetValue(t, out var error))
        {
            Scope.CatchVariables[(TryStatement)(Node)copy] = error;
        }

        if (original is FunctionCall call && Context.Calls.TryGetValue(call, out var target))
        {
            Context.Calls[(FunctionCall)(Node)copy] = target;
        }

        return copy;
    }
}
