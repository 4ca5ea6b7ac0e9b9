using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's dead_stmtexpr_remover (opt4): drops expression statements with no effect outside the
/// body (writes only to variables not in <c>focal</c>), with "Eliding side-effect-free
/// expression"; then empty blocks, empty loops and ifs, and flattens nested blocks. It does not
/// look inside expressions.
/// </summary>
public sealed class DeadStatementRemover(SemanticContext context, SymbolScope scope, IReadOnlySet<VariableSymbol> focal,
    Action changed) : SyntaxRewriter(context, scope)
{
    public override Statement? Statement(Statement statement)
    {
        switch (statement)
        {
            case NullStatement:
                return null;
            case Block block:
                return Reduce(block);
            case ExpressionStatement e:
                var use = new VariableUse(Context);
                use.Visit(e.Expression, Scope);
                if (!use.SideEffectFreeWith(focal))
                {
                    return e;
                }

                Context.Warn("Eliding side-effect-free expression ", FirstToken(e.Expression));
                changed();
                return null;
            case IfStatement i:
                return If(i);
            case ForeachStatement fe:
                var loopBody = Statement(fe.Body);
                return loopBody is null ? null : Carry(fe, fe with { Body = loopBody });
            case ForStatement f:
                return For(f);
            case TryStatement t:
                // Both blocks are reduced (and warned about) before an empty try drops the whole.
                var tried = Statement(t.Try);
                var caught = Statement(t.Catch);
                return tried is null ? null : Carry(t, t with { Try = Wrap(t.Try, tried), Catch = Wrap(t.Catch, caught) });
            default:
                return statement;
        }
    }

    /// <summary>The token stap's expr_statement carries: the first one of the statement as written.</summary>
    public (Diagnostics.SourceSpan Span, string Token) FirstToken(Expression e)
    {
        var original = Context.OriginalStatementStart.GetValueOrDefault(e) ?? e;
        return TokenDescriber.Describe(Leftmost(original));
    }

    private static Node Leftmost(Expression e) => e switch
    {
        Assignment a => Leftmost(a.Target),
        BinaryExpression b => Leftmost(b.Left),
        TernaryExpression t => Leftmost(t.Condition),
        RegexMatch r => Leftmost(r.Subject),
        CrementExpression { Prefix: false } c => Leftmost(c.Operand),
        ArrayIndex a => Leftmost(a.Base),
        _ => e,
    };

    private Statement? Reduce(Block block)
    {
        var statements = new List<Statement>();
        foreach (var s in block.Statements)
        {
            switch (Statement(s))
            {
                case null:
                    break;
                case Block nested:
                    statements.AddRange(nested.Statements);
                    changed();
                    break;
                case var kept:
                    statements.Add(kept);
                    break;
            }
        }

        return statements.Count switch
        {
            0 => null,
            1 => statements[0],
            _ => SameItems(statements, block.Statements) ? block : block with { Statements = [.. statements] },
        };
    }

    private Statement? If(IfStatement i)
    {
        var then = Statement(i.Then);
        var otherwise = i.Else is null ? null : Statement(i.Else);
        if (then is null && otherwise is null)
        {
            var use = new VariableUse(Context);
            use.Visit(i.Condition, Scope);
            return use.SideEffectFree ? null : new ExpressionStatement(i.Condition.Span, i.Condition);
        }

        if (then is null)
        {
            // Only an else: stap inverts the condition rather than keep an empty then.
            return i with { Condition = new UnaryExpression(i.Condition.Span, "!", i.Condition), Then = otherwise!, Else = null };
        }

        return ReferenceEquals(then, i.Then) && ReferenceEquals(otherwise, i.Else) ? i : i with { Then = then, Else = otherwise };
    }

    private Statement? For(ForStatement f)
    {
        var body = Statement(f.Body);
        if (body is not null)
        {
            return ReferenceEquals(body, f.Body) ? f : f with { Body = body };
        }

        var use = new VariableUse(Context);
        foreach (var part in new[] { f.Init, f.Condition, f.Increment }.OfType<Expression>())
        {
            use.Visit(part, Scope);
        }

        return use.SideEffectFree ? null : f with { Body = new NullStatement(f.Body.Span) };
    }

    private static Block Wrap(Block original, Statement? statement) => statement switch
    {
        null => original with { Statements = [] },
        Block b => b,
        _ => original with { Statements = [statement] },
    };
}
