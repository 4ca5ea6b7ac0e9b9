using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The type of an expression after pass 2. Pass 2 types symbols, not nodes, so the type of a
/// node follows from its form and the symbols it names.
/// </summary>
internal sealed class ExpressionTypes(SemanticContext program)
{
    public SemanticType Of(Expression expression, SymbolScope scope) => expression switch
    {
        NumberLiteral => SemanticType.Long,
        StringLiteral => SemanticType.String,
        Variable or ArrayIndex => Symbol(expression, scope).Type,
        FunctionCall call => program.Calls.TryGetValue(call, out var f) ? f.ReturnType : SemanticType.Unknown,
        PrintCall print => print.Name.StartsWith("sprint", StringComparison.Ordinal) ? SemanticType.String : SemanticType.Unknown,
        BinaryExpression { Operator: "." } => SemanticType.String,
        TernaryExpression t => Of(t.WhenTrue, scope) is var type && type != SemanticType.Unknown ? type : Of(t.WhenFalse, scope),
        Assignment { Operator: "<<<" } => SemanticType.Unknown,
        Assignment a => Of(a.Target, scope),
        _ => SemanticType.Long,
    };

    /// <summary>The variable or array a reference names, from the scope's bindings.</summary>
    public static VariableSymbol Symbol(Expression reference, SymbolScope scope)
    {
        if (scope.Bindings.TryGetValue(reference, out var symbol))
        {
            return symbol;
        }

        if (reference is ArrayIndex index && scope.Bindings.TryGetValue(index.Base, out symbol))
        {
            return symbol;
        }

        throw new NotTranslatedException("an unresolved reference", reference);
    }
}
