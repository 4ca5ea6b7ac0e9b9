using System.Collections.Immutable;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Syntax;

/// <summary>
/// One probe point after brace expansion: <c>kernel.trace("sched:*")?</c>,
/// <c>timer.ms(100) if (enabled)</c>. <see cref="Optional"/> is <c>?</c> (or <c>!</c>),
/// <see cref="Sufficient"/> is <c>!</c>.
/// </summary>
public sealed record ProbePoint(
    SourceSpan Span,
    ImmutableArray<ProbePointComponent> Components,
    bool Optional,
    bool Sufficient,
    Expression? Condition) : Node(Span);

/// <summary>A component such as <c>function("vfs_*")</c>; the name may hold <c>*</c> wildcards.</summary>
public sealed record ProbePointComponent(SourceSpan Span, string Name, Literal? Argument) : Node(Span);
