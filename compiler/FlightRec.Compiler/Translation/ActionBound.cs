using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// stap's max_action_info (translate.cxx): the most statements one run of a body can execute,
/// following calls into script functions, or null when there is no bound (a loop, recursion).
/// Every statement counts 1, an <c>if</c> 1 plus its longer branch; <c>return</c> and
/// <c>delete</c> count 1 without looking into their expressions, as stap does. Built-ins are
/// stap's embedded-C tapset functions: they count 0. With -u stap uses no bounds at all.
/// </summary>
internal sealed class ActionBound(SemanticContext program)
{
    /// <summary>The bound of <paramref name="body"/>; <paramref name="nextCost"/> is 2 where stap added a statement before each <c>next</c>.</summary>
    public long? Of(Node body, int nextCost = 1)
    {
        if (program.Unoptimized)
        {
            return null;
        }

        var walk = new Walk(program, [], nextCost);
        walk.Statement(body);
        return walk.Count;
    }

    /// <summary>The bound of a call's callee (null for a built-in's 0 is not null: built-ins count 0).</summary>
    public long? OfCallee(FunctionSymbol callee) =>
        program.Unoptimized ? null : callee.IsBuiltin || callee.Body is null ? 0 : Of(callee.Body);

    private sealed class Walk(SemanticContext program, HashSet<FunctionSymbol> nested, int nextCost)
    {
        public long? Count { get; private set; } = 0;

        private void Add(long n) => Count += n;

        public void Statement(Node node)
        {
            switch (node)
            {
                case Block b:
                    foreach (var s in b.Statements)
                    {
                        Statement(s);
                    }

                    break;
                case ForStatement or ForeachStatement:
                    Count = null;
                    break;
                case ExpressionStatement e:
                    Add(1);
                    Calls(e.Expression);
                    break;
                case IfStatement i:
                    Add(1);
                    Calls(i.Condition);
                    var then = new Walk(program, [.. nested], nextCost) { Count = Count };
                    then.Statement(i.Then);
                    var otherwise = new Walk(program, [.. nested], nextCost) { Count = Count };
                    if (i.Else is not null)
                    {
                        otherwise.Statement(i.Else);
                    }

                    Count = then.Count is null || otherwise.Count is null ? null : Math.Max(then.Count.Value, otherwise.Count.Value);
                    break;
                case TryStatement t:
                    Statement(t.Try);
                    Statement(t.Catch);
                    break;
                case NextStatement:
                    Add(nextCost);
                    break;
                default:
                    // null, return, delete, next, break, continue
                    Add(1);
                    break;
            }
        }

        /// <summary>Each call to a script function adds the callee's statements; a recursive one has no bound.</summary>
        private void Calls(Expression expression)
        {
            foreach (var node in SyntaxChildren.DescendantsAndSelf(expression))
            {
                if (node is not FunctionCall call || !program.Calls.TryGetValue(call, out var callee)
                    || callee.IsBuiltin || callee.Body is null)
                {
                    continue;
                }

                if (!nested.Add(callee))
                {
                    Count = null;
                    continue;
                }

                Statement(callee.Body);
                nested.Remove(callee);
            }
        }
    }
}
