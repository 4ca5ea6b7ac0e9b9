using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// A function that calls can resolve to: a script function (with its declaration) or a
/// built-in from <see cref="BuiltinCatalogue"/> (fixed types, no body).
/// </summary>
public sealed class FunctionSymbol(string name, IReadOnlyList<VariableSymbol> parameters, SourceSpan? declaredAt,
    FunctionDeclaration? declaration)
{
    public string Name { get; } = name;

    public IReadOnlyList<VariableSymbol> Parameters { get; } = parameters;

    public int Arity => Parameters.Count;

    public SourceSpan? DeclaredAt { get; } = declaredAt;

    /// <summary>Null for a built-in.</summary>
    public FunctionDeclaration? Declaration { get; } = declaration;

    public bool IsBuiltin => Declaration is null;

    public SemanticType ReturnType { get; set; }

    public (SourceSpan Span, string Token)? ReturnOrigin { get; set; }

    /// <summary>True once any call resolved here; -p2 lists used built-ins as stap lists used tapset functions.</summary>
    public bool Used { get; set; }

    /// <summary>The body as pass 2 leaves it: stap's optimizer rewrites it (dead code removed).</summary>
    public Node? Body { get; set; } = declaration?.Body;

    /// <summary>Left out by the optimizer: nothing that survives calls it.</summary>
    public bool Elided { get; set; }

    public SymbolScope Scope { get; } = new();

    public List<VariableSymbol> Locals => Scope.Locals;
}
