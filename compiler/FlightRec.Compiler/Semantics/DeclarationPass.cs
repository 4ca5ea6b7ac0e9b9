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
        foreach (var file in context.Files)
        {
            bool tapset = !ReferenceEquals(file, context.Script);
            foreach (var declaration in file.Declarations)
            {
                switch (declaration)
                {
                    case GlobalDeclaration globals:
                        foreach (var variable in globals.Variables)
                        {
                            AddGlobal(context, variable, globals.Private, tapset);
                        }

                        break;
                    case FunctionDeclaration function:
                        AddFunction(context, function, tapset);
                        break;
                }
            }
        }
    }

    // A tapset name the user script also declares stays the user's: the tapset copy is not added.
    private static void AddGlobal(SemanticContext context, GlobalVariable variable, bool isPrivate, bool tapset)
    {
        var privateKey = (variable.Span.File, variable.Name);
        bool exists = isPrivate ? context.PrivateGlobals.ContainsKey(privateKey) : context.GlobalsByName.ContainsKey(variable.Name);
        if (exists && tapset && !isPrivate)
        {
            return;
        }

        if (exists)
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
        if (isPrivate)
        {
            context.PrivateGlobals.Add(privateKey, symbol);
        }
        else
        {
            context.GlobalsByName.Add(variable.Name, symbol);
        }
    }

    private static void AddFunction(SemanticContext context, FunctionDeclaration function, bool tapset)
    {
        var key = (function.Name, function.Parameters.Length);
        var privateKey = (function.Span.File, function.Name, function.Parameters.Length);
        bool exists = function.Private ? context.PrivateFunctions.ContainsKey(privateKey) : context.Functions.ContainsKey(key);
        if (exists && tapset && !function.Private)
        {
            return;
        }

        if (exists)
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
        var symbol = new FunctionSymbol(function.Name, parameters, function.Span, function)
        {
            ReturnType = TypeOf(function.ReturnType),
        };
        if (function.Private)
        {
            context.PrivateFunctions.Add(privateKey, symbol);
        }
        else
        {
            context.Functions.Add(key, symbol);
        }
    }

    private static SemanticType TypeOf(ScriptType type) => type switch
    {
        ScriptType.Long => SemanticType.Long,
        ScriptType.String => SemanticType.String,
        _ => SemanticType.Unknown,
    };
}
