using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.foreach_sort_stat_1.stp: a statistics array iterated by <c>@count-</c> (the value
/// sort key of a statistics map is the named extractor). <c>probe oneshot</c> is
/// <c>begin { exit() }</c> with the body after the prologue.
/// </summary>
internal sealed class BaseForeachSortStat1Module : ConformanceModule
{
    private static readonly CompiledFormat Line = Format("%d\n");
    private static readonly MapValueSortKey<StatsValue> ByCount = (in StatsValue v) => v.Count;

    private ScriptMap<Key1<long>, StatsValue> _a = null!;

    public BaseForeachSortStat1Module()
        : base("base.foreach_sort_stat_1")
    {
        Globals = [new GlobalDescriptor("a", GlobalKind.Array)];
        Probes = [new ProbeDescriptor("begin", "oneshot", ProbeKind.Begin, 0, Oneshot0, [], [0])];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() =>
        _a = ScriptMap<Key1<long>, StatsValue>.Default(Limits, newValue: () => NewStats(StatsDescriptor.Plain), keepSortedOrder: false);

    private void Oneshot0(HandlerContext ctx)
    {
        TapsetControl.Exit(Tapset); // the oneshot alias prologue
        const string near = "identifier 'a' at base.foreach_sort_stat_1.stp:4:5";
        _a.GetOrAdd(new Key1<long>(1), near).Add(ctx.Cpu, 32);

        _a.GetOrAdd(new Key1<long>(2), near).Add(ctx.Cpu, 78);
        _a.GetOrAdd(new Key1<long>(2), near).Add(ctx.Cpu, 0);
        _a.GetOrAdd(new Key1<long>(2), near).Add(ctx.Cpu, 0);

        _a.GetOrAdd(new Key1<long>(3), near).Add(ctx.Cpu, 96);
        _a.GetOrAdd(new Key1<long>(3), near).Add(ctx.Cpu, 0);

        foreach (var entry in _a.Iterate(MapOrder.ByValue(descending: true), valueSortKey: ByCount))
        {
            ScriptPrinter.Printf(ctx.Output, Line, [entry.Key.K1]);
        }
    }
}
