using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's autocast: <c>-&gt;member</c> or <c>[i]</c> applied to a script value (<c>foo-&gt;x</c>,
/// <c>f()-&gt;x</c>) rather than to a context variable or <c>@cast</c>. The value only carries a
/// type to dereference when it comes from debuginfo, which FlightRec never has, so a reached
/// autocast can only be refused; that happens after type inference, as stap refuses it once the
/// operand's type is settled.
/// </summary>
internal static class Autocast
{
    public static bool Is(TargetExpression te) =>
        te.Components.Length > 0 && te.Operand is not (TargetVariable or TargetExpression or CastExpression or AtLiteralOperator
            or DerefExpression or EnumNameExpression);

    /// <summary>The first dereference, where stap points: <c>operator '-&gt;'</c>.</summary>
    public static (SourceSpan Span, string Token) Operator(TargetExpression te)
    {
        var first = te.Components[0];
        return (first.Span, first.Member is not null ? "operator '->'" : "operator '['");
    }

    /// <summary>
    /// Reports each autocast met in the last typing round: "unknown type in dereference" when its
    /// operand has a type (one without debuginfo details), then "unresolved type" for the result.
    /// </summary>
    public static void Report(SemanticContext context, IEnumerable<(TargetExpression Expression, SemanticType OperandType)> reached)
    {
        foreach (var (te, operandType) in reached)
        {
            var at = Operator(te);
            if (operandType != SemanticType.Unknown)
            {
                context.Error("unknown type in dereference", at);
            }

            context.Error("unresolved type ", at);
        }
    }
}
