using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's semantic_pass_opt7 (not under -u): a body that calls a zero-argument function
/// tagged <c>/* stable */</c> (execname(), pid-like context functions) evaluates it once into
/// a local named after the function's mangled name, e.g.
/// <c>__stable___global_execname__overload_0_value</c>, which -p2 lists. Locals come in the
/// order the calls are met (arguments before the call), one per function and body.
/// </summary>
public sealed class StableCallPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        if (context.Unoptimized)
        {
            return;
        }

        foreach (var probe in context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            Cache(context, probe.Bodies, probe.Scope);
        }

        foreach (var function in context.Functions.Values.Where(f => f.Used && f.Body is Block))
        {
            Cache(context, [function.Body!], function.Scope);
        }
    }

    private static void Cache(SemanticContext context, IEnumerable<Node> bodies, SymbolScope scope)
    {
        var cached = new HashSet<FunctionSymbol>(ReferenceEqualityComparer.Instance);
        foreach (var call in bodies.SelectMany(Calls))
        {
            if (context.Calls.TryGetValue(call, out var function) && IsStable(function) && cached.Add(function))
            {
                var local = new VariableSymbol($"__stable___global_{function.Name}__overload_0_value", SymbolKind.Local, call.Span)
                {
                    Type = function.ReturnType,
                };
                local.SetArity(0);
                scope.Locals.Add(local);
            }
        }
    }

    private static bool IsStable(FunctionSymbol function) => function.Used && (BuiltinEffects.IsStable(function)
        || (function.Arity == 0 && function.Body is EmbeddedCode code && code.Code.Contains("/* stable */", StringComparison.Ordinal)));

    // Children first, so a call inside another call's arguments comes before it, as in stap's visitor.
    private static IEnumerable<FunctionCall> Calls(Node node)
    {
        foreach (var child in SyntaxChildren.Of(node))
        {
            foreach (var call in Calls(child))
            {
                yield return call;
            }
        }

        if (node is FunctionCall self)
        {
            yield return self;
        }
    }
}
