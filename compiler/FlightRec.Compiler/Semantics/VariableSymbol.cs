using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Semantics;

public enum SymbolKind
{
    Global,
    Local,
    Parameter,
}

/// <summary>
/// A global, local or parameter. Its type, arity and index types are filled in by the passes;
/// each remembers where it was first inferred, for stap's chained "first inferred here".
/// </summary>
public sealed class VariableSymbol(string name, SymbolKind kind, SourceSpan declaredAt)
{
    public string Name { get; } = name;

    public SymbolKind Kind { get; } = kind;

    public SourceSpan DeclaredAt { get; } = declaredAt;

    public SemanticType Type { get; set; }

    /// <summary>Where the type was first inferred, with the token stap would name; null when declared.</summary>
    public (SourceSpan Span, string Token)? TypeOrigin { get; set; }

    /// <summary>Number of indexes: 0 for a scalar, null while unknown.</summary>
    public int? Arity { get; set; }

    public (SourceSpan Span, string Token)? ArityOrigin { get; set; }

    public SemanticType[] IndexTypes { get; set; } = [];

    public (SourceSpan Span, string Token)?[] IndexOrigins { get; set; } = [];

    /// <summary>The first reference in the program, where "unresolved type" points.</summary>
    public (SourceSpan Span, string Token)? FirstUse { get; set; }

    /// <summary>Removed as stap's optimizer would (a local never read); not listed, not type-checked.</summary>
    public bool Elided { get; set; }

    /// <summary>
    /// An index was refused as "invalid type" (statistics); the error blames that index, so the
    /// array is not reported again for its index type staying unknown.
    /// </summary>
    public bool IndexRefused { get; set; }

    public bool Wrap { get; init; }

    public int? Size { get; init; }

    public bool IsArray => Arity is > 0;

    public void SetArity(int arity)
    {
        Arity = arity;
        IndexTypes = new SemanticType[arity];
        IndexOrigins = new (SourceSpan, string)?[arity];
    }
}
