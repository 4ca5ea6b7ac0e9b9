using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The histogram each aggregate keeps, from the <c>@hist_linear</c>/<c>@hist_log</c> that read
/// it, as stap decides it: an aggregate read as two different histograms is not translated.
/// </summary>
internal sealed class AggregateShapes(ModuleState module)
{
    public void Collect(IEnumerable<ProbeSymbol> probes, IEnumerable<FunctionSymbol> functions)
    {
        var shapes = new Dictionary<VariableSymbol, (string Shape, HistogramExpression At)>(ReferenceEqualityComparer.Instance);
        var roots = probes.SelectMany(p => p.Bodies.Select(b => ((Node)b, p.Scope)))
            .Concat(functions.Select(f => (f.Body!, f.Scope)));
        foreach (var (root, scope) in roots)
        {
            foreach (var histogram in SyntaxChildren.DescendantsAndSelf(root).OfType<HistogramExpression>())
            {
                if (histogram.Operand is not (Variable or ArrayIndex))
                {
                    continue;
                }

                var aggregate = ExpressionTypes.Symbol(histogram.Operand, scope);
                string shape = histogram.Linear
                    ? $"new StatsDescriptor(HistogramShape.Linear({string.Join(", ", histogram.Parameters.Select(CSharpText.Long))}))"
                    : "new StatsDescriptor(HistogramShape.Log)";
                if (shapes.TryGetValue(aggregate, out var earlier) && earlier.Shape != shape)
                {
                    throw new NotTranslatedException($"aggregate {aggregate.Name} read as two different histograms", histogram);
                }

                shapes[aggregate] = (shape, histogram);
            }
        }

        foreach (var (aggregate, (shape, _)) in shapes)
        {
            module.StatsDescriptors[aggregate] = module.Statics.Stats(shape);
        }
    }
}
