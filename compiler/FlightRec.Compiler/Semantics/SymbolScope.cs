using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// The locals of one function or probe and what its names are bound to. Bindings live here,
/// not on the tree, because one body can run in several probes (alias definitions, several
/// points) and each gets its own locals, as in stap.
/// </summary>
public sealed class SymbolScope
{
    public List<VariableSymbol> Locals { get; } = [];

    /// <summary>Which symbol each variable reference or array index names.</summary>
    public Dictionary<Node, VariableSymbol> Bindings { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Foreach key and value variables, in the order key1..keyN, then the value (if any).</summary>
    public Dictionary<ForeachStatement, VariableSymbol[]> ForeachVariables { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<TryStatement, VariableSymbol> CatchVariables { get; } = new(ReferenceEqualityComparer.Instance);
}
