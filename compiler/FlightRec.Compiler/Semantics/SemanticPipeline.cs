using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Pass 2 in order. A pass that reports errors stops the pipeline: later passes assume the
/// earlier ones succeeded (types need resolved symbols), as stap's semantic_pass does.
/// </summary>
public static class SemanticPipeline
{
    private static readonly ISemanticPass[] Passes =
    [
        new TapsetPass(),
        new DeclarationPass(),
        new ProbePointPass(),
        new SymbolResolutionPass(),
        new TypeInferencePass(),
    ];

    public static SemanticContext Run(ScriptFile script, DiagnosticBag diagnostics, bool unoptimized = false) =>
        Run(new SemanticContext(script, diagnostics) { Unoptimized = unoptimized });

    public static SemanticContext Run(SemanticContext context)
    {
        var diagnostics = context.Diagnostics;
        foreach (var pass in Passes)
        {
            pass.Run(context);
            if (diagnostics.HasErrors)
            {
                break;
            }
        }

        return context;
    }
}
