using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// stap's default MAXNESTING (translate.cxx, recursion_info): the longest chain of calls found
/// from any function's body, plus 1 for the probe's own call, plus 10 when some function can
/// reach itself. Calls of built-ins count as stap's tapset functions do; they call nothing.
/// </summary>
internal static class NestingLimit
{
    public static int Of(SemanticContext program, IEnumerable<FunctionSymbol> functions)
    {
        var walk = new Walk(program);
        foreach (var function in functions)
        {
            walk.Body(function.Body!);
        }

        return walk.Deepest + 1 + (walk.Recursive ? 10 : 0);
    }

    private sealed class Walk(SemanticContext program)
    {
        private readonly List<FunctionSymbol> _current = [];

        public int Deepest { get; private set; }

        public bool Recursive { get; private set; }

        public void Body(Node body)
        {
            foreach (var node in SyntaxChildren.DescendantsAndSelf(body))
            {
                if (node is not FunctionCall call || !program.Calls.TryGetValue(call, out var callee))
                {
                    continue;
                }

                Deepest = Math.Max(Deepest, _current.Count + 1);
                if (_current.Contains(callee))
                {
                    Recursive = true;
                    continue;
                }

                if (!callee.IsBuiltin && callee.Body is { } calleeBody)
                {
                    _current.Add(callee);
                    Body(calleeBody);
                    _current.RemoveAt(_current.Count - 1);
                }
            }
        }
    }
}
