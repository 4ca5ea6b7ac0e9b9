using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// One resolved probe: a concrete point and the bodies that run for it (alias prologues, the
/// probe's own body, alias epilogues), sharing one set of locals, and the target variables
/// (<c>$name</c>) its family provides.
/// </summary>
public sealed class ProbeSymbol(string point, string derivation, IReadOnlyList<Block> bodies, SymbolScope scope,
    IReadOnlyList<ProbeTargetVariable> targetVariables)
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

    public IReadOnlyList<ProbeTargetVariable> TargetVariables { get; } = targetVariables;

    public List<VariableSymbol> Locals => Scope.Locals;

    /// <summary>How -l names it: the outermost alias used (with any suffix), or the concrete point.</summary>
    public string ListedAs { get; init; } = point;

    /// <summary>The probe's <c>if (...)</c> guards (its own and its aliases'); it is enabled while all hold.</summary>
    public IReadOnlyList<Expression> Conditions { get; init; } = [];

    /// <summary>Derived from a probe of the user's script (not one a tapset declares on its own).</summary>
    public bool IsPrimary { get; init; } = true;
}
