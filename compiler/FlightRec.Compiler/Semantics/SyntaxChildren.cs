using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>The direct children of a statement or expression, for analyses that only need to look everywhere.</summary>
public static class SyntaxChildren
{
    public static IEnumerable<Node> Of(Node node)
    {
        IEnumerable<Node?> children = node switch
        {
            Block b => b.Statements,
            ExpressionStatement e => [e.Expression],
            IfStatement i => [i.Condition, i.Then, i.Else],
            ForStatement f => [f.Init, f.Condition, f.Increment, f.Body],
            ForeachStatement fe => [fe.Source, .. fe.Slice, fe.Limit, fe.Body],
            TryStatement t => [t.Try, t.Catch],
            ReturnStatement r => [r.Value],
            DeleteStatement d => [d.Target],
            ArrayIndex a => [a.Base, .. a.Indexes],
            FunctionCall c => c.Arguments,
            PrintCall p => [.. p.Arguments, p.Histogram],
            UnaryExpression u => [u.Operand],
            CrementExpression c => [c.Operand],
            BinaryExpression b => [b.Left, b.Right],
            RegexMatch r => [r.Subject],
            TernaryExpression t => [t.Condition, t.WhenTrue, t.WhenFalse],
            Assignment a => [a.Target, a.Value],
            ArrayMembership m => [m.Index],
            StatisticExpression s => [s.Operand],
            HistogramExpression h => [h.Operand],
            AtOperator at => [at.Operand],
            TargetExpression t => [t.Operand],
            CastExpression c => [c.Operand],
            EnumNameExpression en => [en.Operand],
            DerefExpression d => [d.Address],
            _ => [],
        };
        return children.OfType<Node>();
    }

    public static IEnumerable<Node> DescendantsAndSelf(Node node)
    {
        var stack = new Stack<Node>();
        stack.Push(node);
        while (stack.TryPop(out var current))
        {
            yield return current;
            foreach (var child in Of(current))
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The variable a write changes: the array of <c>a[i] = …</c> or the variable of <c>x++</c>.</summary>
    public static Variable? WrittenVariable(Node node) => node switch
    {
        Assignment a => Base(a.Target),
        CrementExpression c => Base(c.Operand),
        DeleteStatement d => Base(d.Target),
        _ => null,
    };

    private static Variable? Base(Expression e) => e switch
    {
        Variable v => v,
        ArrayIndex { Base: Variable v } => v,
        _ => null,
    };
}
