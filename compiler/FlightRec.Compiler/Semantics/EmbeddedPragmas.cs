using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// The <c>/* pragma:read:NAME */</c> and <c>/* pragma:write:NAME */</c> markers of guru embedded C
/// (stap PR24239): each names a script variable the C code reads or writes. Resolution binds the
/// names as stap's symresolution does (a local of the body, else a global); the aggregate check,
/// after types are known, refuses statistics, which C code cannot touch.
/// </summary>
internal static class EmbeddedPragmas
{
    private static readonly string[] Kinds = ["read", "write"];

    /// <summary>Called at the end of symbol resolution: every body, used or not, as stap resolves them all.</summary>
    public static void Resolve(SemanticContext context)
    {
        foreach (var (code, scope) in EmbeddedCode(context, usedOnly: false))
        {
            foreach (var (kind, name) in Names(code.Code))
            {
                if (Find(context, scope, name) is null)
                {
                    context.Error($"unresolved pragma:{kind} global {name}", (code.Span, "embedded-code"));
                    return;
                }
            }
        }
    }

    /// <summary>Called after type inference, over the code that runs: stap's varuse check.</summary>
    public static void CheckAggregates(SemanticContext context)
    {
        foreach (var (code, scope) in EmbeddedCode(context, usedOnly: true))
        {
            foreach (var (_, name) in Names(code.Code))
            {
                if (Find(context, scope, name) is { Type: SemanticType.Stats } stats)
                {
                    // stap throws at the variable's declaration, and stops there.
                    context.Error("Aggregates not available in embedded-C", (stats.DeclaredAt, TokenDescriber.Identifier(stats.Name)));
                    return;
                }
            }
        }
    }

    private static VariableSymbol? Find(SemanticContext context, SymbolScope scope, string name) =>
        scope.Locals.FirstOrDefault(l => l.Name == name) ?? context.GlobalsByName.GetValueOrDefault(name);

    /// <summary>Reads first, then writes, each in text order, as stap scans them.</summary>
    private static IEnumerable<(string Kind, string Name)> Names(string code)
    {
        foreach (string kind in Kinds)
        {
            string marker = $"/* pragma:{kind}:";
            int position = 0;
            while ((position = code.IndexOf(marker, position, StringComparison.Ordinal)) >= 0)
            {
                position += marker.Length;
                int end = code.IndexOf(" */", position, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                yield return (kind, code[position..end]);
                position = end + 3;
            }
        }
    }

    /// <summary>Embedded C in function bodies (functions first, as stap visits them) and in probe expressions.</summary>
    private static IEnumerable<((SourceSpan Span, string Code) Code, SymbolScope Scope)> EmbeddedCode(SemanticContext context, bool usedOnly)
    {
        foreach (var function in context.AllFunctions.Where(f => !usedOnly || f.Used))
        {
            switch (function.Declaration?.Body)
            {
                case EmbeddedCode code:
                    yield return ((code.Span, code.Code), function.Scope);
                    break;
                case Block body:
                    foreach (var e in Expressions(body))
                    {
                        yield return ((e.Span, e.Code), function.Scope);
                    }

                    break;
            }
        }

        foreach (var probe in context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            foreach (var e in probe.Bodies.SelectMany(Expressions))
            {
                yield return ((e.Span, e.Code), probe.Scope);
            }
        }
    }

    private static IEnumerable<EmbeddedExpression> Expressions(Node node)
    {
        if (node is EmbeddedExpression e)
        {
            yield return e;
        }

        foreach (var inner in SyntaxChildren.Of(node).SelectMany(Expressions))
        {
            yield return inner;
        }
    }
}
