using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.linear_nearlyempty.stp: all extractors of a two-sample aggregate (the variance with
/// bit shift 7, from <c>@variance(agg, 7)</c>) and a @hist_linear with elided empty rows.
/// </summary>
internal sealed class MapsLinearNearlyEmptyModule : ConformanceModule
{
    private static readonly StatsDescriptor AggStats = new(HistogramShape.Linear(0, 1500, 50), bitShift: 7);
    private static readonly CompiledFormat CountLine = Format("count=%d\n");
    private static readonly CompiledFormat SumLine = Format("sum=%d\n");
    private static readonly CompiledFormat MinLine = Format("min=%d\n");
    private static readonly CompiledFormat MaxLine = Format("max=%d\n");
    private static readonly CompiledFormat AvgLine = Format("avg=%d\n");
    private static readonly CompiledFormat VarianceLine = Format("variance=%d\n");

    private StatsValue _agg = null!;

    public MapsLinearNearlyEmptyModule()
        : base("maps.linear_nearlyempty")
    {
        Globals = [new GlobalDescriptor("agg", GlobalKind.Statistics)];
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _agg = NewStats(AggStats);

    private void Begin0(HandlerContext ctx)
    {
        var o = ctx.Output;
        _agg.Add(ctx.Cpu, 444);
        _agg.Add(ctx.Cpu, 999);
        ScriptPrinter.Printf(o, CountLine, [_agg.Count]);
        if (_agg.Count > 0)
        {
            ScriptPrinter.Printf(o, SumLine, [_agg.Read().Sum]);
            ScriptPrinter.Printf(o, MinLine, [_agg.Read().Min("operator '@min' at maps.linear_nearlyempty.stp:13:29")]);
            ScriptPrinter.Printf(o, MaxLine, [_agg.Read().Max("operator '@max' at maps.linear_nearlyempty.stp:14:30")]);
            ScriptPrinter.Printf(o, AvgLine, [_agg.Read().Avg("operator '@avg' at maps.linear_nearlyempty.stp:15:29")]);
            ScriptPrinter.Printf(o, VarianceLine, [_agg.Read().Variance("operator '@variance' at maps.linear_nearlyempty.stp:16:34")]);
            _agg.ReadHistogram().Print(o, Limits, "operator '@hist_linear' at maps.linear_nearlyempty.stp:17:16");
        }

        TapsetControl.Exit(Tapset);
    }
}
