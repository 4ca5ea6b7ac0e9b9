using FlightRec.Compiler.Syntax;
using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Binds <c>$name</c> target variables (and <c>$array[i]</c>) to what the probe's family
/// provides. A body shared by several probes (a wildcard, an alias used more than once) must
/// find the variable in each of them with one type, as stap checks every derived probe. The
/// type is recorded for inference; anything the family cannot provide becomes a positioned error
/// in stap's words, kept until the optimizer has run (<see cref="TargetSymbolPass"/> reports it
/// only if the code survives, as stap reports at type resolution).
/// </summary>
public sealed class TargetVariableResolver(SemanticContext context, IReadOnlyList<ProbeSymbol>? probes)
{
    public void Resolve(Expression expression)
    {
        switch (expression)
        {
            case TargetVariable variable:
                Bind(expression, variable, indexed: false);
                break;
            case TargetExpression { AddressOf: false, Operand: TargetVariable variable } target
                when target.Components.Length == 1 && target.Components[0] is { Member: null, Index: not null }:
                Bind(expression, variable, indexed: true);
                break;
            default:
                Defer(expression, "unresolved target-symbol expression", expression);
                break;
        }
    }

    /// <summary>stap lets no script write a probe's target variables (guru mode only reaches pointed-to data).</summary>
    public void RefuseWrite(Expression target)
    {
        if (target is TargetVariable or TargetExpression { Operand: TargetVariable })
        {
            var variable = target as TargetVariable ?? (TargetVariable)((TargetExpression)target).Operand;
            context.Error($"write to target variable '{variable.Name}' not permitted", variable);
        }
    }

    private void Bind(Expression expression, TargetVariable variable, bool indexed)
    {
        if (probes is null || probes.Count == 0)
        {
            Defer(expression, "unresolved target-symbol expression", variable);
            return;
        }

        SemanticType? type = null;
        foreach (var probe in probes)
        {
            var found = probe.TargetVariables.FirstOrDefault(v => v.Name == variable.Name);
            if (found is null)
            {
                Missing(expression, variable, probe);
                return;
            }

            if (indexed && !found.SourceType.EndsWith(']'))
            {
                Defer(expression, $"target variable '{variable.Name}' is not an array", variable);
                return;
            }

            var foundType = indexed || found.Type == ProbeValueType.Long ? SemanticType.Long : SemanticType.String;
            if (type is { } earlier && earlier != foundType)
            {
                Defer(expression, $"target variable '{variable.Name}' has type {foundType.Name()} in probe {probe.Point} "
                    + $"but {earlier.Name()} in another probe of the same body", variable);
                return;
            }

            type = foundType;
        }

        context.TargetTypes[expression] = type!.Value;
    }

    private void Missing(Expression expression, TargetVariable variable, ProbeSymbol probe)
    {
        if (probe.TargetVariables.Count == 0)
        {
            Defer(expression, "unresolved target-symbol expression", variable);
            return;
        }

        // stap lists every alternative ("there are not that many"), closest first.
        string alternatives = SimilarNames.Clause(variable.Name, probe.TargetVariables.Select(v => v.Name), int.MaxValue, "alternatives");
        Defer(expression, $"unable to find tracepoint variable '{variable.Name}'{alternatives} in probe {probe.Point}", variable);
    }

    private void Defer(Expression expression, string message, Node at) => context.TargetErrors[expression] = (message, at);
}
