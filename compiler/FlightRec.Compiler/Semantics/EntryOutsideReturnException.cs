using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// <c>@entry</c> met by type inference outside a <c>.return</c> probe. stap throws here rather
/// than collecting the error, so the whole pass stops and the error is chained under
/// "while processing probe/function …".
/// </summary>
internal sealed class EntryOutsideReturnException(AtOperator entry)
    : Exception("internal error: @entry is only valid in .return probes")
{
    public AtOperator Entry { get; } = entry;
}
