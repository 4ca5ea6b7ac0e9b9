using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Collects the script's globals and functions. Explicit <c>:long</c>/<c>:string</c> types are
/// fixed here, before inference, as stap does.
/// </summary>
public sealed class DeclarationPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        foreach (var declaration in context.Script.Declarations)
        {
            switch (declaration)
            {
                case GlobalDeclaration globals:
                    foreach (var variable in globals.Variables)
                    {
                        AddGlobal(context, variable);
                    }

                    break;
                case FunctionDeclaration function:
                    AddFunction(context, function);
                    break;
            }
        }
    }

    private static void AddGlobal(SemanticContext context, GlobalVariable variable)
    {
        if (context.GlobalsByName.ContainsKey(variable.Name))
        {
            context.Error("duplicate global variable declaration", (variable.Span, TokenDescriber.Identifier(variable.Name)));
            return;
        }

        var symbol = new VariableSymbol(variable.Name, SymbolKind.Global, variable.Span)
        {
            Wrap = variable.Wrap,
            Size = variable.Size,
        };
        var origin = (variable.Span, TokenDescriber.Identifier(variable.Name));
        switch (variable.Initializer)
        {
            case NumberLiteral:
                symbol.Type = SemanticType.Long;
                symbol.TypeOrigin = origin;
                break;
            case StringLiteral:
                symbol.Type = SemanticType.String;
                symbol.TypeOrigin = origin;
                break;
        }

        if (variable.Initializer is not null)
        {
            symbol.SetArity(0);
            symbol.ArityOrigin = origin;
        }

        context.Globals.Add(symbol);
        context.GlobalsByName.Add(variable.Name, symbol);
    }

    private static void AddFunction(SemanticContext context, FunctionDeclaration function)
    {
        var key = (function.Name, function.Parameters.Length);
        if (context.Functions.ContainsKey(key))
        {
            context.Error($"function '{function.Name}' redefined", (function.Span, TokenDescriber.Identifier(function.Name)));
            return;
        }

        var parameters = function.Parameters.Select(p =>
        {
            var symbol = new VariableSymbol(p.Name, SymbolKind.Parameter, p.Span) { Type = TypeOf(p.Type) };
            symbol.SetArity(0);
            return symbol;
        }).ToArray();
        context.Functions.Add(key, new FunctionSymbol(function.Name, parameters, function.Span, function)
        {
            ReturnType = TypeOf(function.ReturnType),
        });
    }

    private static SemanticType TypeOf(ScriptType type) => type switch
    {
        ScriptType.Long => SemanticType.Long,
        ScriptType.String => SemanticType.String,
        _ => SemanticType.Unknown,
    };
}
