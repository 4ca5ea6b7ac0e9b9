using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Pass 2 in order. A pass that reports errors stops the pipeline: later passes assume the
/// earlier ones succeeded (types need resolved symbols), as stap's semantic_pass does; under -W
/// a warning stops it too. The optimizer runs before type inference and the end-of-session
/// display of globals after it, in stap's order.
/// </summary>
public static class SemanticPipeline
{
    private static readonly ISemanticPass[] Passes =
    [
        new TapsetPass(),
        new DeclarationPass(),
        new ProbePointPass(),
        new SymbolResolutionPass(),
        new OptimizerPass(),
        new TargetSymbolPass(),
        new TypeInferencePass(),
        new GlobalDisplayPass(),
        new StableCallPass(),
    ];

    public static SemanticContext Run(ScriptFile script, DiagnosticBag diagnostics, bool unoptimized = false) =>
        Run(new SemanticContext(script, diagnostics) { Unoptimized = unoptimized });

    /// <summary>Runs every pass over a context the caller configured (-u, -w, -W, -v, -G).</summary>
    public static SemanticContext Run(SemanticContext context)
    {
        foreach (var pass in Passes)
        {
            pass.Run(context);
            if (context.Failed)
            {
                break;
            }
        }

        return context;
    }
}
