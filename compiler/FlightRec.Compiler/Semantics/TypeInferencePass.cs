using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Type inference to a fixpoint over the whole program (LANGUAGE.md §4.2), modelled on stap's
/// typeresolution_info: every body is visited with an expected type until a round resolves
/// nothing new; a last round reports mismatches (with "first inferred here" chains) and
/// whatever stayed unresolved.
/// </summary>
public sealed class TypeInferencePass : ISemanticPass
{
    private const int MaxRounds = 100;

    public void Run(SemanticContext context)
    {
        var inference = Converge(context);
        inference.Report = true;
        VisitAll(context, inference);
        ReportUnresolved(context);
    }

    /// <summary>
    /// Infers what can be inferred, reporting nothing. The optimizer calls it after each round as
    /// stap's const-folding step does, so code elided in a later round has still given its types.
    /// </summary>
    internal static TypeInference Converge(SemanticContext context)
    {
        var inference = new TypeInference(context);
        for (int round = 0; round < MaxRounds; round++)
        {
            inference.Resolved = 0;
            VisitAll(context, inference);
            if (inference.Resolved == 0)
            {
                break;
            }
        }

        return inference;
    }

    private static void VisitAll(SemanticContext context, TypeInference inference)
    {
        // Functions no probe reaches were dropped by the optimizer; stap never types them.
        foreach (var function in context.Functions.Values.Where(f => !f.Elided))
        {
            if (function.Body is Block body)
            {
                inference.Function = function;
                inference.Scope = function.Scope;
                inference.Statement(body);
            }
        }

        inference.Function = null;
        foreach (var probe in context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            inference.Scope = probe.Scope;
            foreach (var body in probe.Bodies)
            {
                inference.Statement(body);
            }
        }
    }

    private static void ReportUnresolved(SemanticContext context)
    {
        var symbols = context.Globals
            .Concat(context.Functions.Values.Where(f => !f.Elided).SelectMany(f => f.Parameters.Concat(f.Locals)))
            .Concat(context.Probes.Select(p => p.Scope).Distinct(ReferenceEqualityComparer.Instance).Cast<SymbolScope>().SelectMany(s => s.Locals));
        foreach (var symbol in symbols)
        {
            if (symbol.FirstUse is not { } use || symbol.Elided)
            {
                continue;
            }

            if (symbol.Type == SemanticType.Unknown || symbol.IndexTypes.Any(t => t == SemanticType.Unknown))
            {
                context.Error("unresolved type ", use);
            }
        }
    }
}
