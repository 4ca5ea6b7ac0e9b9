using System.Text;
using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// Guru-mode functions whose body is <c>%{ C# %}</c> (LANGUAGE.md §1.10): the code becomes the body
/// of the function's method, behind a <c>#line</c> that points at the script. The C# equivalents of
/// stap's embedded-C conventions: parameters by name and as <c>STAP_ARG_name</c>, the result in
/// <c>STAP_RETVALUE</c>, <c>STAP_RETURN(v);</c>, <c>STAP_ERROR(message);</c> and
/// <c>STAP_PRINTF(format, args...);</c>. Top-level <c>%{ %}</c> blocks become members of the module
/// class; their <c>using</c> lines go to the top of the file.
/// </summary>
internal static class EmbeddedFunctionEmitter
{
    private const string ReturnMacro = "STAP_RETURN";

    public static void Emit(CodeWriter code, FunctionSymbol function, EmbeddedCode body, string methodName, string returnType,
        IReadOnlyList<(string Type, string Name, string Script)> parameters, string token)
    {
        code.Line($"// function {function.Name} (embedded C#)");
        string signature = string.Concat(parameters.Select(p => $", {p.Type} {p.Name}"));
        // Not inlined, so that a fault inside the user's C# is reported at its own script line.
        code.Line("[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        code.Open($"private {returnType} {methodName}(HandlerContext ctx, string callSite{signature})");
        code.Line($"ctx.EnterFunction(callSite, {token});");
        foreach (var (type, name, script) in parameters)
        {
            code.Line($"{type} @{script} = {name}, STAP_ARG_{script} = {name};");
        }

        bool returnsValue = returnType != "void";
        if (returnsValue)
        {
            code.Line($"{returnType} STAP_RETVALUE = {(returnType == "string" ? "\"\"" : "0L")};");
        }

        // Only the helpers the code names: an unused local function is a warning, and warnings fail tapset modules.
        if (body.Code.Contains("STAP_ERROR", StringComparison.Ordinal))
        {
            code.Line("void STAP_ERROR(string message) => TapsetControl.Error(message);");
        }

        if (body.Code.Contains("STAP_PRINTF", StringComparison.Ordinal))
        {
            code.Line("void STAP_PRINTF(string format, params FormatArg[] arguments) => ScriptPrinter.Printf(ctx.Output, FormatString.Parse(format).Format ?? throw new ScriptError(\"invalid format in STAP_PRINTF\"), arguments);");
        }

        code.Open("try");
        code.Source(body.Span);
        foreach (string line in RewriteReturns(body.Code, returnsValue).Split('\n'))
        {
            code.Verbatim(line);
        }

        code.Generated();
        code.Close();
        code.Open("finally");
        code.Line("ctx.LeaveFunction();");
        code.Close();
        if (returnsValue)
        {
            code.Line("#pragma warning disable CS0162 // the embedded code may have returned on every path");
            code.Line("return STAP_RETVALUE;");
            code.Line("#pragma warning restore CS0162");
        }

        code.Close();
        code.Line();
    }

    /// <summary>The <c>using</c> lines of top-level embedded blocks, and the rest of their text.</summary>
    public static (IReadOnlyList<string> Usings, IReadOnlyList<EmbeddedDeclaration> Members) TopLevel(SemanticContext program)
    {
        var usings = new List<string>();
        var members = new List<EmbeddedDeclaration>();
        foreach (var declaration in program.Files.SelectMany(f => f.Declarations).OfType<EmbeddedDeclaration>())
        {
            var rest = new StringBuilder();
            foreach (string line in declaration.Code.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';') && !trimmed.Contains('('))
                {
                    usings.Add(trimmed);
                    rest.Append('\n'); // keeps the #line mapping of what follows
                }
                else
                {
                    rest.Append(line).Append('\n');
                }
            }

            members.Add(declaration with { Code = rest.ToString().TrimEnd('\n') });
        }

        return (usings, members);
    }

    // STAP_RETURN(v); -> { STAP_RETVALUE = (v); return STAP_RETVALUE; }, the argument found by balancing parentheses.
    private static string RewriteReturns(string code, bool returnsValue)
    {
        var text = new StringBuilder();
        int at = 0;
        while (code.IndexOf(ReturnMacro, at, StringComparison.Ordinal) is int found && found >= 0)
        {
            int open = found + ReturnMacro.Length;
            while (open < code.Length && char.IsWhiteSpace(code[open]))
            {
                open++;
            }

            int close = open < code.Length && code[open] == '(' ? MatchingParenthesis(code, open) : -1;
            if (close < 0)
            {
                text.Append(code, at, open - at);
                at = open;
                continue;
            }

            string value = code[(open + 1)..close];
            text.Append(code, at, found - at);
            text.Append(returnsValue ? $"{{ STAP_RETVALUE = ({value}); return STAP_RETVALUE; }}" : "{ return; }");
            at = close + 1;
            if (at < code.Length && code[at] == ';')
            {
                at++;
            }
        }

        text.Append(code, at, code.Length - at);
        return text.ToString();
    }

    private static int MatchingParenthesis(string code, int open)
    {
        int depth = 0;
        for (int i = open; i < code.Length; i++)
        {
            if (code[i] == '(')
            {
                depth++;
            }
            else if (code[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
