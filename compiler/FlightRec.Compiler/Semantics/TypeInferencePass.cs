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
        if (context.Diagnostics.HasErrors)
        {
            return;
        }

        inference.Report = true;
        if (VisitAll(context, inference))
        {
            ReportUnresolved(context);
            Autocast.Report(context, inference.Autocasts);
            if (!context.Diagnostics.HasErrors)
            {
                EmbeddedPragmas.CheckAggregates(context);
            }

            if (!context.Diagnostics.HasErrors)
            {
                RegexLiteralCheck.Run(context);
            }
        }
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
            if (!VisitAll(context, inference))
            {
                break;
            }

            if (inference.Resolved == 0)
            {
                break;
            }
        }

        return inference;
    }

    /// <summary>One round over every body; false when a body stopped the pass (stap threw).</summary>
    private static bool VisitAll(SemanticContext context, TypeInference inference)
    {
        // Functions no probe reaches were dropped by the optimizer; stap never types them.
        foreach (var function in context.AllFunctions.Where(f => !f.Elided))
        {
            if (function.Body is Block body)
            {
                inference.Function = function;
                inference.Scope = function.Scope;

                // stap drops uncalled functions before typing them; one that is called never runs in a .return probe's body.
                inference.EntryAllowed = !function.Used;
                if (!Visit(context, inference, body, $"function {function.Name}"))
                {
                    return false;
                }

                CheckLocals(context, inference, function.Locals);
            }
        }

        inference.Function = null;
        foreach (var probe in context.Probes.DistinctBy(p => p.Scope, ReferenceEqualityComparer.Instance))
        {
            inference.Scope = probe.Scope;
            foreach (var condition in context.Probes.Where(p => ReferenceEquals(p.Scope, probe.Scope)).SelectMany(p => p.Conditions).Distinct(ReferenceEqualityComparer.Instance).Cast<Expression>())
            {
                inference.Condition(condition);
            }

            inference.EntryAllowed = IsReturnProbe(probe.Point);
            foreach (var body in probe.Bodies)
            {
                if (!Visit(context, inference, body, $"probe {DerivedLocations.Of(probe)}"))
                {
                    return false;
                }
            }

            CheckLocals(context, inference, probe.Locals);
        }

        return true;
    }

    private static bool Visit(SemanticContext context, TypeInference inference, Block body, string what)
    {
        try
        {
            inference.Statement(body);
            return true;
        }
        catch (EntryOutsideReturnException e)
        {
            context.Diagnostics.Add(Diagnostic.Semantic($"while processing {what}"));
            context.Error(e.Message, (e.Entry.Span, $"operator '{e.Entry.Name}'"));
            return false;
        }
    }

    // A component "return" ends the point of every kind of return probe (kernel.function("f").return,
    // process("p").function("f").return, …).
    private static bool IsReturnProbe(string point) =>
        point.EndsWith(".return", StringComparison.Ordinal) || point.Contains(".return.", StringComparison.Ordinal);

    /// <summary>
    /// stap's check_local, in the last round right after each body: a local must end up a long or
    /// a string, and cannot hold statistics.
    /// </summary>
    private static void CheckLocals(SemanticContext context, TypeInference inference, List<VariableSymbol> locals)
    {
        if (!inference.Report)
        {
            return;
        }

        foreach (var local in locals)
        {
            if (local.FirstUse is not { } use || local.Elided)
            {
                continue;
            }

            if (local.Type == SemanticType.Unknown || local.IndexTypes.Any(t => t == SemanticType.Unknown))
            {
                context.Error("unresolved type ", use);
            }
            else if (local.Type == SemanticType.Stats)
            {
                context.Error("stat locals not supported, missing global declaration? ", use);
            }
        }
    }

    /// <summary>Globals and parameters still untyped once every body was visited (locals are checked per body).</summary>
    private static void ReportUnresolved(SemanticContext context)
    {
        var symbols = context.Globals.Concat(context.AllFunctions.Where(f => !f.Elided).SelectMany(f => f.Parameters));
        foreach (var symbol in symbols)
        {
            if (symbol.FirstUse is not { } use || symbol.Elided)
            {
                continue;
            }

            if (symbol.Type == SemanticType.Unknown || (symbol.IndexTypes.Any(t => t == SemanticType.Unknown) && !symbol.IndexRefused))
            {
                context.Error("unresolved type ", use);
            }
        }
    }
}
