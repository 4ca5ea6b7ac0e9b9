using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>Everything pass 2 learns about one script, shared by its passes.</summary>
public sealed class SemanticContext(ScriptFile script, DiagnosticBag diagnostics)
{
    public ScriptFile Script { get; } = script;

    /// <summary>-u: nothing is elided.</summary>
    public bool Unoptimized { get; init; }

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Globals in declaration order.</summary>
    public List<VariableSymbol> Globals { get; } = [];

    /// <summary>Globals in the order resolution first meets them (probes in source order, then functions): stap's -p2 order.</summary>
    public List<VariableSymbol> GlobalsByFirstReference { get; } = [];

    public Dictionary<string, VariableSymbol> GlobalsByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Script functions by name and arity.</summary>
    public Dictionary<(string Name, int Arity), FunctionSymbol> Functions { get; } = [];

    /// <summary>The built-ins the script calls, created on first use.</summary>
    public Dictionary<(string Name, int Arity), FunctionSymbol> Builtins { get; } = [];

    public List<ProbeSymbol> Probes { get; } = [];

    public Dictionary<FunctionCall, FunctionSymbol> Calls { get; } = new(ReferenceEqualityComparer.Instance);

    public void Error(string message, Node at) => Error(message, TokenDescriber.Describe(at));

    public void Error(string message, (SourceSpan Span, string Token) at) =>
        Diagnostics.Add(Diagnostic.Semantic(message, at.Span, at.Token));

    /// <summary>An error followed by stap's chained second block (e.g. "type was first inferred here").</summary>
    public void Error(string message, (SourceSpan Span, string Token) at, string chained, (SourceSpan Span, string Token)? origin)
    {
        Error(message, at);
        if (origin is { } o)
        {
            Error(chained, o);
        }
    }
}
