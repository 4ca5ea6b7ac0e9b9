using System.Collections.Immutable;
using FlightRec.Compiler.Syntax;
using static FlightRec.Compiler.Parsing.Generated.FrsParser;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Builds probe points and expands braces into their cartesian product, as stap does
/// at parse time: <c>a.{b,c}.d?</c> is <c>a.b.d?, a.c.d?</c>.
/// </summary>
internal sealed class ProbePointBuilder(ExpressionBuilder expressions)
{
    public List<ProbePoint> List(ProbePointListContext ctx)
    {
        var points = new List<ProbePoint>();
        foreach (var point in ctx.probePoint())
        {
            points.AddRange(Point(point));
        }

        return points;
    }

    private List<ProbePoint> Point(ProbePointContext ctx)
    {
        List<ProbePoint>? points = null;
        foreach (var component in ctx.component())
        {
            var suffixes = Component(component);
            if (points is null)
            {
                points = suffixes;
                continue;
            }

            var product = new List<ProbePoint>(points.Count * suffixes.Count);
            foreach (var prefix in points)
            {
                if (prefix.Optional || prefix.Condition is not null)
                {
                    throw BuildErrorException.At("'?', '!' or condition must only be specified in suffix",
                        (FrsToken)component.Start);
                }

                foreach (var suffix in suffixes)
                {
                    product.Add(suffix with
                    {
                        Span = prefix.Span.To(suffix.Span),
                        Components = prefix.Components.AddRange(suffix.Components),
                    });
                }
            }

            points = product;
        }

        points ??= [];
        bool optional = ctx.QUESTION() is not null || ctx.BANG() is not null;
        bool sufficient = ctx.BANG() is not null;
        Expression? condition = ctx.expr() is { } e ? expressions.Expr(e) : null;
        if (!optional && condition is null)
        {
            return points;
        }

        var result = new List<ProbePoint>(points.Count);
        foreach (var p in points)
        {
            if (optional && p.Optional)
            {
                throw BuildErrorException.Saw("'?' or '!' respecified", (FrsToken)(ctx.QUESTION() ?? ctx.BANG()).Symbol);
            }

            if (condition is not null && p.Condition is not null)
            {
                throw BuildErrorException.Saw("condition respecified", (FrsToken)ctx.IF().Symbol);
            }

            result.Add(p with
            {
                Span = Spans.Of(ctx),
                Optional = p.Optional || optional,
                Sufficient = p.Sufficient || sufficient,
                Condition = condition ?? p.Condition,
            });
        }

        return result;
    }

    private List<ProbePoint> Component(ComponentContext ctx)
    {
        if (ctx is BraceComponentContext brace)
        {
            return List(brace.probePointList());
        }

        var named = (NamedComponentContext)ctx;
        var pieces = named.namePiece();
        string name = pieces.Length == 1
            ? pieces[0].GetText()
            : string.Concat(pieces.Select(p => p.GetText()));
        Literal? argument = named.literal() is { } lit ? ExpressionBuilder.Literal(lit) : null;
        var span = Spans.Of(named);
        var component = new ProbePointComponent(span, name, argument);
        return [new ProbePoint(span, [component], false, false, null)];
    }

    public static ImmutableArray<ProbePoint> ToArray(List<ProbePoint> points) => [.. points];
}
