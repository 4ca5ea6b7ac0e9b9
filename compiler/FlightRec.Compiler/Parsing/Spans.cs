using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

/// <summary>Source spans of parse-tree nodes: from the first token to the last.</summary>
internal static class Spans
{
    public static SourceSpan Of(ParserRuleContext ctx)
    {
        var start = ((FrsToken)ctx.Start).Span;
        return ctx.Stop is FrsToken stop && stop.TokenIndex >= ctx.Start.TokenIndex ? start.To(stop.Span) : start;
    }

    public static SourceSpan Of(ITerminalNode node) => ((FrsToken)node.Symbol).Span;

    public static FrsToken StopToken(ParserRuleContext ctx) => (FrsToken)(ctx.Stop ?? ctx.Start);
}
