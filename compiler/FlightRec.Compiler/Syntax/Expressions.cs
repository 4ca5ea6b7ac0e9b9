using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Syntax;

public abstract record Expression(SourceSpan Span) : Node(Span);

/// <summary>A string or number literal.</summary>
public abstract record Literal(SourceSpan Span) : Expression(Span);

/// <summary>An integer; literals beyond int64 wrap as in stap (18446744073709551615 is -1).</summary>
public sealed record NumberLiteral(SourceSpan Span, long Value) : Literal(Span);

/// <summary>
/// A string literal. <see cref="Text"/> is the source text between the quotes with its
/// escapes kept verbatim, as stap's lexer keeps them; adjacent literals are already joined.
/// </summary>
public sealed record StringLiteral(SourceSpan Span, string Text) : Literal(Span);

/// <summary>Embedded code in expression position (<c>%{ … %}</c>, guru only).</summary>
public sealed record EmbeddedExpression(SourceSpan Span, string Code) : Expression(Span);

/// <summary>A script variable: local, global, or (in pass 2) an array used whole.</summary>
public sealed record Variable(SourceSpan Span, string Name) : Expression(Span);

/// <summary>A context variable such as <c>$fd</c> or <c>$$vars</c>.</summary>
public sealed record TargetVariable(SourceSpan Span, string Name) : Expression(Span);

/// <summary>A target-symbol suffix: <c>-&gt;member</c> or <c>[index]</c>.</summary>
public sealed record TargetComponent(SourceSpan Span, string? Member, Expression? Index) : Node(Span);

/// <summary>
/// A value with target-symbol suffixes, an address-of, or a pretty-print marker:
/// <c>&amp;$p-&gt;f[2]</c>, <c>$x$$</c>, <c>f()-&gt;x</c> (stap's autocast).
/// </summary>
public sealed record TargetExpression(SourceSpan Span, bool AddressOf, Expression Operand,
    ImmutableArray<TargetComponent> Components, string? PrettyPrint) : Expression(Span);

/// <summary><c>name[i, j]</c>; null indexes are <c>*</c> (slices in delete, in and foreach).</summary>
public sealed record ArrayIndex(SourceSpan Span, Expression Base, ImmutableArray<Expression?> Indexes)
    : Expression(Span);

public sealed record FunctionCall(SourceSpan Span, string Name, ImmutableArray<Expression> Arguments)
    : Expression(Span);

/// <summary>
/// A print-family call (print, println, printf, printd, printdln, sprint…, print_char).
/// <see cref="Format"/> holds the format of printf/sprintf or the delimiter of printd;
/// <see cref="Histogram"/> is set for <c>print(@hist_log(s))</c>.
/// </summary>
public sealed record PrintCall(SourceSpan Span, string Name, StringLiteral? Format, ImmutableArray<Expression> Arguments,
    HistogramExpression? Histogram) : Expression(Span);

/// <summary>Prefix <c>+ - ! ~</c>.</summary>
public sealed record UnaryExpression(SourceSpan Span, string Operator, Expression Operand) : Expression(Span);

/// <summary><c>++x</c>, <c>x--</c>.</summary>
public sealed record CrementExpression(SourceSpan Span, string Operator, bool Prefix, Expression Operand)
    : Expression(Span);

/// <summary>
/// Binary operators with their stap classes: arithmetic, bitwise and shifts
/// (<c>+ - * / % &amp; | ^ &lt;&lt; &gt;&gt; &gt;&gt;&gt;</c>), logical (<c>&amp;&amp; ||</c>),
/// comparisons (<c>&lt; &gt; &lt;= &gt;= == !=</c>) and concatenation (<c>.</c>).
/// </summary>
public sealed record BinaryExpression(SourceSpan Span, string Operator, Expression Left, Expression Right)
    : Expression(Span);

/// <summary><c>s =~ "regex"</c>, <c>s !~ "regex"</c>; the pattern is always a literal.</summary>
public sealed record RegexMatch(SourceSpan Span, Expression Subject, bool Negated, StringLiteral Pattern)
    : Expression(Span);

public sealed record TernaryExpression(SourceSpan Span, Expression Condition, Expression WhenTrue, Expression WhenFalse)
    : Expression(Span);

/// <summary><c>=</c>, the compound assignments and <c>&lt;&lt;&lt;</c> (aggregate).</summary>
public sealed record Assignment(SourceSpan Span, string Operator, Expression Target, Expression Value)
    : Expression(Span);

/// <summary><c>k in a</c>, <c>[i, *] in a</c>: the index is an <see cref="ArrayIndex"/>.</summary>
public sealed record ArrayMembership(SourceSpan Span, ArrayIndex Index) : Expression(Span);

public enum StatisticKind
{
    Count,
    Sum,
    Min,
    Max,
    Avg,
    Variance,
}

/// <summary><c>@count(s)</c> … <c>@variance(s, shift)</c>.</summary>
public sealed record StatisticExpression(SourceSpan Span, StatisticKind Kind, Expression Operand,
    ImmutableArray<long> Parameters) : Expression(Span);

/// <summary><c>@hist_linear(s, lo, hi, width)</c> or <c>@hist_log(s)</c>.</summary>
public sealed record HistogramExpression(SourceSpan Span, bool Linear, Expression Operand,
    ImmutableArray<long> Parameters) : Expression(Span);

/// <summary>
/// The @-operators that take an expression: <c>@defined</c>, <c>@entry</c>.
/// </summary>
public sealed record AtOperator(SourceSpan Span, string Name, Expression Operand) : Expression(Span);

/// <summary>
/// The @-operators whose operands are literal: <c>@probewrite(var)</c>, <c>@const("X")</c>,
/// <c>@enum("E")</c>, <c>@perf("name")</c>, <c>@var("name", "module")</c>,
/// <c>@kregister(n)</c>/<c>@uregister(n)</c>.
/// </summary>
public sealed record AtLiteralOperator(SourceSpan Span, string Name, ImmutableArray<Literal> Operands,
    string? Identifier) : Expression(Span);

/// <summary><c>@cast(expr, "type", "module")</c>.</summary>
public sealed record CastExpression(SourceSpan Span, Expression Operand, StringLiteral TypeName, StringLiteral? Module)
    : Expression(Span);

/// <summary><c>@enumname(expr, "type", "module")</c>.</summary>
public sealed record EnumNameExpression(SourceSpan Span, Expression Operand, StringLiteral? TypeName,
    StringLiteral? Module) : Expression(Span);

/// <summary><c>@kderef(size, addr)</c>, <c>@uderef(size, addr)</c>.</summary>
public sealed record DerefExpression(SourceSpan Span, string Name, long Size, Expression Address) : Expression(Span);
