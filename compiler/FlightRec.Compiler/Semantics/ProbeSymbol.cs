using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// One resolved probe: a concrete point and the bodies that run for it (alias prologues, the
/// probe's own body, alias epilogues), sharing one set of locals.
/// </summary>
public sealed class ProbeSymbol(string point, string derivation, IReadOnlyList<Block> bodies, SymbolScope scope)
{
    /// <summary>The concrete point, as <c>pp()</c> would show it.</summary>
    public string Point { get; } = point;

    /// <summary>stap's derivation chain, e.g. <c> &lt;- foo = begin &lt;- foo</c>.</summary>
    public string Derivation { get; } = derivation;

    /// <summary>The bodies as pass 2 leaves them: stap's optimizer rewrites them (dead code removed).</summary>
    public IReadOnlyList<Block> Bodies { get; set; } = bodies;

    /// <summary>The global a synthesized end probe prints (stap's add_global_var_display); null otherwise.</summary>
    public VariableSymbol? Displays { get; init; }

    /// <summary>Shared by the probes of one declaration that run the same bodies.</summary>
    public SymbolScope Scope { get; } = scope;

    public List<VariableSymbol> Locals => Scope.Locals;
}
