namespace FlightRec.Compiler.Semantics;

/// <summary>
/// stap's add_global_var_display, after type inference: every script global that is written
/// but never read for its value gets a synthesized <c>end</c> probe printing it (LANGUAGE.md,
/// end-of-session display). Arrays are walked with locals <c>__idx0..N</c> and, unless they
/// hold statistics, <c>__val</c>; -p2 lists those probes and locals as stap does. Runs with
/// and without -u.
/// </summary>
public sealed class GlobalDisplayPass : ISemanticPass
{
    public void Run(SemanticContext context)
    {
        var use = VariableUse.OfProgram(context);
        // Only the user's globals: tapset state is the library's business (stap skips tapset files).
        foreach (var global in context.GlobalsByFirstReference.Where(g => !g.Elided && g.DeclaredAt.File == context.Script.Source))
        {
            if ((use.Read.Contains(global) && use.Used.Contains(global)) || !use.Written.Contains(global))
            {
                continue;
            }

            var scope = new SymbolScope();
            for (int i = 0; i < global.IndexTypes.Length; i++)
            {
                scope.Locals.Add(Local($"__idx{i}", global.IndexTypes[i]));
            }

            if (global.IndexTypes.Length > 0 && global.Type != SemanticType.Stats)
            {
                scope.Locals.Add(Local("__val", global.Type));
            }

            context.Probes.Add(new ProbeSymbol("end", " <- end", [], scope, []) { Displays = global, IsPrimary = false });
        }
    }

    private static VariableSymbol Local(string name, SemanticType type)
    {
        var local = new VariableSymbol(name, SymbolKind.Local, default) { Type = type };
        local.SetArity(0);
        return local;
    }
}
