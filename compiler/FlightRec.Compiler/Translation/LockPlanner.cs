using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// Which globals a handler reads and which it writes, through every script function it can
/// call: the runtime's LockPlan takes a shared lock for the first and an exclusive one for
/// the second. Adding to a scalar aggregate only needs the shared lock: <c>&lt;&lt;&lt;</c>
/// goes to the handler's own per-CPU slot, as in stap. Every other use of an aggregate
/// (extractors, printing, sorting) merges the slots, so it needs the exclusive lock.
/// </summary>
internal sealed class LockPlanner(SemanticContext program)
{
    public sealed record Plan(IReadOnlyList<VariableSymbol> Reads, IReadOnlyList<VariableSymbol> Writes);

    public Plan For(ProbeSymbol probe)
    {
        var reads = new HashSet<VariableSymbol>(ReferenceEqualityComparer.Instance);
        var writes = new HashSet<VariableSymbol>(ReferenceEqualityComparer.Instance);
        var visited = new HashSet<FunctionSymbol>(ReferenceEqualityComparer.Instance);
        foreach (var body in probe.Bodies.Concat<Node>(probe.Conditions))
        {
            Walk(body, probe.Scope, reads, writes, visited);
        }

        if (probe.Displays is { } displayed)
        {
            (displayed.Type == SemanticType.Stats ? writes : reads).Add(displayed);
        }

        // Declaration order, so every handler takes its locks in the same order.
        return new Plan(
            [.. program.Globals.Where(g => reads.Contains(g) || writes.Contains(g))],
            [.. program.Globals.Where(writes.Contains)]);
    }

    private void Walk(Node root, SymbolScope scope, HashSet<VariableSymbol> reads, HashSet<VariableSymbol> writes,
        HashSet<FunctionSymbol> visited)
    {
        // Parents come before their children in the walk, so an aggregation is seen before its target.
        var aggregated = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        foreach (var node in SyntaxChildren.DescendantsAndSelf(root))
        {
            if (node is Assignment { Operator: "<<<", Target: Variable target })
            {
                aggregated.Add(target);
            }

            if (node is Variable && scope.Bindings.TryGetValue(node, out var symbol) && symbol.Kind == SymbolKind.Global)
            {
                reads.Add(symbol);
                if (symbol.Type == SemanticType.Stats && !aggregated.Contains(node))
                {
                    writes.Add(symbol);
                }
            }

            if (SyntaxChildren.WrittenVariable(node) is { } written
                && scope.Bindings.TryGetValue(written, out var writtenSymbol) && writtenSymbol.Kind == SymbolKind.Global
                && !(node is Assignment { Operator: "<<<", Target: Variable }))
            {
                writes.Add(writtenSymbol);
            }

            if (node is FunctionCall call && program.Calls.TryGetValue(call, out var function)
                && function is { IsBuiltin: false, Body: { } body } && visited.Add(function))
            {
                Walk(body, function.Scope, reads, writes, visited);
            }
        }
    }
}
