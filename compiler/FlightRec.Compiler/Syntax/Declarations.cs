using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Syntax;

/// <summary>A top-level declaration: probe or alias, globals, function, or embedded code.</summary>
public abstract record Declaration(SourceSpan Span) : Node(Span);

public enum AliasKind
{
    /// <summary>An ordinary probe.</summary>
    None,

    /// <summary><c>probe name = points { prologue } [, { epilogue }]</c></summary>
    Prologue,

    /// <summary><c>probe name += points { epilogue }</c></summary>
    Epilogue,
}

/// <summary>
/// <c>probe POINTS { BODY }</c>, or an alias when <see cref="AliasNames"/> is not empty.
/// <see cref="Epilogue"/> is the second block of <c>alias = points { A }, { B }</c>.
/// </summary>
public sealed record ProbeDeclaration(
    SourceSpan Span,
    AliasKind Kind,
    ImmutableArray<ProbePoint> AliasNames,
    ImmutableArray<ProbePoint> Points,
    Block Body,
    Block? Epilogue) : Declaration(Span);

/// <summary>One name of a <c>global</c> or <c>private</c> declaration.</summary>
/// <param name="Wrap">Declared with <c>%</c>: a full array overwrites its oldest entries.</param>
/// <param name="Size">The capacity in <c>name[N]</c>.</param>
public sealed record GlobalVariable(SourceSpan Span, string Name, bool Wrap, int? Size, Literal? Initializer)
    : Node(Span);

/// <summary><c>global a, b[10], c = 5</c>; <see cref="Private"/> for <c>private</c>.</summary>
public sealed record GlobalDeclaration(SourceSpan Span, bool Private, ImmutableArray<GlobalVariable> Variables)
    : Declaration(Span);

public enum ScriptType
{
    Unknown,
    Long,
    String,
}

public sealed record Parameter(SourceSpan Span, string Name, ScriptType Type) : Node(Span);

/// <summary>
/// <c>function name:type (params) :priority { body }</c>. <see cref="Body"/> is a
/// <see cref="Block"/> or, for guru and tapset code, an <see cref="EmbeddedCode"/>.
/// </summary>
public sealed record FunctionDeclaration(
    SourceSpan Span,
    bool Private,
    string Name,
    ScriptType ReturnType,
    ImmutableArray<Parameter> Parameters,
    long? Priority,
    Node Body) : Declaration(Span);

/// <summary>A top-level <c>%{ … %}</c> block; the text between the markers, verbatim.</summary>
public sealed record EmbeddedDeclaration(SourceSpan Span, string Code) : Declaration(Span);

/// <summary>Embedded code used as a function body.</summary>
public sealed record EmbeddedCode(SourceSpan Span, string Code) : Node(Span);
