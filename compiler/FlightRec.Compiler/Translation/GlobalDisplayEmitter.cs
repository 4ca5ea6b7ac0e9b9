using FlightRec.Compiler.Semantics;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The body of a synthesized end probe that prints a global the script writes but never reads,
/// in stap's format (add_global_var_display): <c>x=5</c>, <c>s="text"</c>, arrays element by
/// element sorted by decreasing value, aggregates as <c>@count=… @min=…</c>.
/// </summary>
internal sealed class GlobalDisplayEmitter(ModuleState module, CodeWriter code)
{
    public void Emit(VariableSymbol global)
    {
        var at = new Syntax.NullStatement(global.DeclaredAt);
        string name = module.Names.Global(global);
        if (!global.IsArray)
        {
            EmitScalar(global, name, at);
            return;
        }

        if (global.Type == SemanticType.Stats)
        {
            throw new NotTranslatedException($"the display of array of aggregates {global.Name}", at);
        }

        string keys = string.Join(",", global.IndexTypes.Select(t => t == SemanticType.String ? "\"%#s\"" : "%#d"));
        string format = Format($"{global.Name}[{keys}]{ValueConversion(global.Type)}\n", at);
        var arguments = Enumerable.Range(1, global.Arity!.Value).Select(i => $"e.Key.K{i}").Append("e.Value");
        code.Open($"foreach (var e in {name}.Iterate(MapOrder.ByValue(descending: true)))");
        code.Line($"ScriptPrinter.Printf(ctx.Output, {format}, [{string.Join(", ", arguments)}]);");
        code.Close();
    }

    private void EmitScalar(VariableSymbol global, string name, Syntax.Node at)
    {
        if (global.Type != SemanticType.Stats)
        {
            string format = Format($"{global.Name}{ValueConversion(global.Type)}\n", at);
            code.Line($"ScriptPrinter.Printf(ctx.Output, {format}, [{name}]);");
            return;
        }

        string empty = Format($"{global.Name} @count=0x0\n", at);
        string full = Format($"{global.Name} @count=%#d @min=%#d @max=%#d @sum=%#d @avg=%#d\n", at);
        code.Line($"var stats = {name}.Read();");
        code.Open("if (stats.Count == 0)");
        code.Line($"ScriptPrinter.Printf(ctx.Output, {empty}, []);");
        code.Close();
        code.Open("else");
        code.Line($"ScriptPrinter.Printf(ctx.Output, {full}, [stats.Count, stats.Min(), stats.Max(), stats.Sum, stats.Avg()]);");
        code.Close();
    }

    private static string ValueConversion(SemanticType type) => type == SemanticType.String ? "=\"%#s\"" : "=%d";

    private string Format(string text, Syntax.Node at) =>
        module.Statics.Format(text) ?? throw new NotTranslatedException("a global display format", at);
}
