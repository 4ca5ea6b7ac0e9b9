using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Syntax;

public abstract record Statement(SourceSpan Span) : Node(Span);

public sealed record Block(SourceSpan Span, ImmutableArray<Statement> Statements) : Statement(Span);

/// <summary>A lone <c>;</c>.</summary>
public sealed record NullStatement(SourceSpan Span) : Statement(Span);

public sealed record ExpressionStatement(SourceSpan Span, Expression Expression) : Statement(Span);

public sealed record IfStatement(SourceSpan Span, Expression Condition, Statement Then, Statement? Else)
    : Statement(Span);

/// <summary><c>for (init; cond; incr)</c>; <c>while (c)</c> is a for loop with only a condition, as in stap.</summary>
public sealed record ForStatement(SourceSpan Span, Expression? Init, Expression? Condition, Expression? Increment,
    Statement Body) : Statement(Span);

public enum SortDirection
{
    None,
    Ascending,
    Descending,
}

/// <summary>
/// <c>foreach (v = [k1, k2] in array[slice] @agg+ limit n) body</c>.
/// <see cref="SortColumn"/> is 0 for the value and i for the i-th key (1-based), as in stap;
/// <see cref="Slice"/> entries are null for <c>*</c>.
/// </summary>
public sealed record ForeachStatement(
    SourceSpan Span,
    string? ValueVariable,
    ImmutableArray<string> Keys,
    bool KeysBracketed,
    Expression Source,
    ImmutableArray<Expression?> Slice,
    SortDirection Sort,
    int SortColumn,
    StatisticKind? SortAggregate,
    Expression? Limit,
    Statement Body) : Statement(Span);

public sealed record TryStatement(SourceSpan Span, Block Try, string? CatchVariable, Block Catch) : Statement(Span);

public sealed record ReturnStatement(SourceSpan Span, Expression? Value) : Statement(Span);

public sealed record DeleteStatement(SourceSpan Span, Expression Target) : Statement(Span);

public sealed record BreakStatement(SourceSpan Span) : Statement(Span);

public sealed record ContinueStatement(SourceSpan Span) : Statement(Span);

public sealed record NextStatement(SourceSpan Span) : Statement(Span);
