using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.PR31740_1.stp: @variance(stats["k"], 7) on a string-keyed statistics array that a
/// <c>probe never</c> also reads with @hist_log, so the array carries both the bit shift and the
/// log histogram. The never probe is declared but the driver never fires it.
/// </summary>
internal sealed class MapsPR31740Module : ConformanceModule
{
    private const string StatsToken = "identifier 'stats' at maps.PR31740_1.stp:4:5";
    private static readonly StatsDescriptor ElementStats = new(HistogramShape.Log, bitShift: 7);
    private static readonly CompiledFormat VarianceLine = Format("variance = %d\n");

    private ScriptMap<Key1<string>, StatsValue> _stats = null!;

    public MapsPR31740Module()
        : base("maps.PR31740_1")
    {
        Globals = [new GlobalDescriptor("stats", GlobalKind.Array)];
        Probes =
        [
            new ProbeDescriptor("begin", "oneshot", ProbeKind.Begin, 0, Oneshot0, [], [0]),
            new ProbeDescriptor("never", "never", ProbeKind.Never, 0, Never0, [0], []),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() =>
        _stats = ScriptMap<Key1<string>, StatsValue>.Default(Limits, newValue: () => NewStats(ElementStats), keepSortedOrder: false);

    private void Oneshot0(HandlerContext ctx)
    {
        TapsetControl.Exit(Tapset); // the oneshot alias prologue
        _stats.GetOrAdd(new("k"), StatsToken).Add(ctx.Cpu, 1);
        _stats.GetOrAdd(new("k"), StatsToken).Add(ctx.Cpu, 2);
        _stats.GetOrAdd(new("k"), StatsToken).Add(ctx.Cpu, 3);
        var k = _stats.TryGetValue(new("k"), out var value) ? value.ReadElement() : StatsSnapshot.Empty;
        ScriptPrinter.Printf(ctx.Output, VarianceLine, [k.Variance("operator '@variance' at maps.PR31740_1.stp:7:32")]);
    }

    private void Never0(HandlerContext ctx)
    {
        if (_stats.TryGetValue(new("k"), out var value))
        {
            value.ReadHistogram().Print(ctx.Output, Limits, "operator '@hist_log' at maps.PR31740_1.stp:11:11");
        }
        else
        {
            throw StatsErrors.EmptyAggregate("operator '@hist_log' at maps.PR31740_1.stp:11:11");
        }
    }
}
