using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The StatsDescriptor of each aggregate: the histogram the <c>@hist_linear</c>/<c>@hist_log</c>
/// that read it ask for (an aggregate read as two different histograms is not translated) and
/// the bit shift of its <c>@variance(s, N)</c> (pass 2 has rejected two different shifts).
/// </summary>
internal sealed class AggregateShapes(ModuleState module)
{
    public void Collect(IEnumerable<ProbeSymbol> probes, IEnumerable<FunctionSymbol> functions)
    {
        var shapes = new Dictionary<VariableSymbol, string>(ReferenceEqualityComparer.Instance);
        var shifts = new Dictionary<VariableSymbol, long>(ReferenceEqualityComparer.Instance);
        var roots = probes.SelectMany(p => p.Bodies.Select(b => ((Node)b, p.Scope)))
            .Concat(functions.Select(f => (f.Body!, f.Scope)));
        foreach (var (root, scope) in roots)
        {
            foreach (var node in SyntaxChildren.DescendantsAndSelf(root))
            {
                switch (node)
                {
                    case HistogramExpression { Operand: Variable or ArrayIndex } histogram:
                        var aggregate = ExpressionTypes.Symbol(histogram.Operand, scope);
                        string shape = histogram.Linear
                            ? $"HistogramShape.Linear({string.Join(", ", histogram.Parameters.Select(CSharpText.Long))})"
                            : "HistogramShape.Log";
                        if (shapes.TryGetValue(aggregate, out string? earlier) && earlier != shape)
                        {
                            throw new NotTranslatedException($"aggregate {aggregate.Name} read as two different histograms", histogram);
                        }

                        shapes[aggregate] = shape;
                        break;
                    case StatisticExpression { Kind: StatisticKind.Variance, Parameters: [var shift, ..], Operand: Variable or ArrayIndex } variance
                        when shift != 0:
                        shifts[ExpressionTypes.Symbol(variance.Operand, scope)] = shift;
                        break;
                }
            }
        }

        foreach (var aggregate in shapes.Keys.Union<VariableSymbol>(shifts.Keys, ReferenceEqualityComparer.Instance))
        {
            string shape = shapes.GetValueOrDefault(aggregate, "HistogramShape.None");
            string shift = shifts.TryGetValue(aggregate, out long n) ? ", bitShift: " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            module.StatsDescriptors[aggregate] = module.Statics.Stats($"new StatsDescriptor({shape}{shift})");
        }
    }
}
