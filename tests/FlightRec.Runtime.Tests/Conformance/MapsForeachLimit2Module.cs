using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;
using FlightRec.Runtime.Tapset;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.foreach_limit2.stp: an array of aggregates sorted by value (for statistics: by
/// @count), by key, with limits, printing every extractor of each element. The <c>N / 2</c>
/// samples go through <see cref="ScriptMath.Divide"/> with their operator location.
/// </summary>
internal sealed class MapsForeachLimit2Module : ConformanceModule
{
    private const string AggToken = "identifier 'agg_array' at maps.foreach_limit2.stp:12:5";
    private static readonly MapValueSortKey<StatsValue> ByCount = (in StatsValue v) => v.Count;
    private static readonly CompiledFormat Header = Format("Arrays of aggregates:\n");
    private static readonly CompiledFormat Element = Format("agg_array[%d]: count:%d  sum:%d  avg:%d  min:%d  max:%d  variance:%d\n");
    private static readonly CompiledFormat Decreasing = Format("sorted (by values, decreasing):\n");
    private static readonly CompiledFormat Increasing = Format("\nsorted (by values), increasing:\n");
    private static readonly CompiledFormat DecreasingLimit5 = Format("\nsorted (by values, decreasing) limit 5:\n");
    private static readonly CompiledFormat IncreasingLimit5 = Format("\nsorted (by values, increasing) limit 5:\n");
    private static readonly CompiledFormat ByKeysLimit5 = Format("\nsorted (by keys) limit 5:\n");
    private static readonly CompiledFormat LimitX = Format("\nsorted (by values) limit x (%d):\n");
    private static readonly CompiledFormat LimitX2 = Format("\nsorted (by values) limit x * 2 (%d):\n");
    private static readonly CompiledFormat PreIncrement = Format("\nsorted (by values) limit ++x:\n");
    private static readonly CompiledFormat PostIncrement = Format("\nsorted (by values) limit x++:\n");
    private static readonly CompiledFormat Iterations = Format("loop had %d iterations\n");
    private static readonly CompiledFormat XEnded = Format("x ended up as %d\n");
    private static readonly CompiledFormat Done = Format("\nDone.\n");

    private ScriptMap<Key1<long>, StatsValue> _aggArray = null!;

    public MapsForeachLimit2Module()
        : base("maps.foreach_limit2")
    {
        Globals = [new GlobalDescriptor("agg_array", GlobalKind.Array)];
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() =>
        _aggArray = ScriptMap<Key1<long>, StatsValue>.Default(Limits, newValue: () => NewStats(StatsDescriptor.Plain), keepSortedOrder: false);

    private void Begin0(HandlerContext ctx)
    {
        var o = ctx.Output;
        ScriptPrinter.Printf(o, Header, []);
        Add(ctx, 9, 18);
        Add(ctx, 1, 40);
        Add(ctx, 8, 16);
        Add(ctx, 2, 4);
        Add(ctx, 7, 14);
        Add(ctx, 3, 36);
        Add(ctx, 6, 12);
        Add(ctx, 5, 10);
        Add(ctx, 4, 8);
        Add(ctx, 10, 20);
        Add(ctx, 9, ScriptMath.Divide(18, 2, "operator '/' at maps.foreach_limit2.stp:22:25"));
        Add(ctx, 1, ScriptMath.Divide(40, 2, "operator '/' at maps.foreach_limit2.stp:23:25"));
        Add(ctx, 8, ScriptMath.Divide(16, 2, "operator '/' at maps.foreach_limit2.stp:24:25"));
        Add(ctx, 2, ScriptMath.Divide(4, 2, "operator '/' at maps.foreach_limit2.stp:25:24"));
        Add(ctx, 7, ScriptMath.Divide(14, 2, "operator '/' at maps.foreach_limit2.stp:26:25"));
        Add(ctx, 3, ScriptMath.Divide(36, 2, "operator '/' at maps.foreach_limit2.stp:27:25"));
        Add(ctx, 6, ScriptMath.Divide(12, 2, "operator '/' at maps.foreach_limit2.stp:28:25"));
        Add(ctx, 5, ScriptMath.Divide(10, 2, "operator '/' at maps.foreach_limit2.stp:29:25"));
        Add(ctx, 4, 8);
        Add(ctx, 9, 18 * 3);
        Add(ctx, 1, 40 * 3);
        Add(ctx, 8, 16 * 3);
        Add(ctx, 2, 4 * 3);
        Add(ctx, 7, 14 * 3);
        Add(ctx, 3, 36);
        Add(ctx, 6, 12);
        Add(ctx, 5, 10);
        Add(ctx, 9, 1);
        Add(ctx, 1, 2);
        Add(ctx, 8, 3);
        Add(ctx, 2, 4);
        Add(ctx, 7, 14 * 3);
        Add(ctx, 3, 36 * 3);
        Add(ctx, 6, 12);
        Add(ctx, 9, 2);
        Add(ctx, 1, 3);
        Add(ctx, 8, 16);
        Add(ctx, 2, 4);
        Add(ctx, 7, 14);
        Add(ctx, 3, 36);
        Add(ctx, 9, 18);
        Add(ctx, 1, 40);
        Add(ctx, 8, 16);
        Add(ctx, 2, 4);
        Add(ctx, 7, 14);
        Add(ctx, 9, 18);
        Add(ctx, 1, 40);
        Add(ctx, 8, 16);
        Add(ctx, 2, 4);
        Add(ctx, 9, 18);
        Add(ctx, 1, 40);
        Add(ctx, 8, 16);
        Add(ctx, 9, 18);
        Add(ctx, 1, 40);
        Add(ctx, 9, 18);

        ScriptPrinter.Printf(o, Decreasing, []);
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: true), valueSortKey: ByCount))
        {
            PrintElement(ctx, e.Key.K1);
        }

        ScriptPrinter.Printf(o, Increasing, []);
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: false), valueSortKey: ByCount))
        {
            PrintElement(ctx, e.Key.K1);
        }

        ScriptPrinter.Printf(o, DecreasingLimit5, []);
        long i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: true), 5, ByCount))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, IncreasingLimit5, []);
        i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: false), 5, ByCount))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, ByKeysLimit5, []);
        i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByKey(0, descending: false), 5))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        long x = 3;
        ScriptPrinter.Printf(o, LimitX, [x]);
        i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: false), x, ByCount))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, LimitX2, [x * 2]);
        i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: false), x * 2, ByCount))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, PreIncrement, []);
        i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: false), ++x, ByCount))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);
        ScriptPrinter.Printf(o, XEnded, [x]);

        ScriptPrinter.Printf(o, PostIncrement, []);
        i = 0;
        foreach (var e in _aggArray.Iterate(MapOrder.ByValue(descending: false), x++, ByCount))
        {
            PrintElement(ctx, e.Key.K1);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);
        ScriptPrinter.Printf(o, XEnded, [x]);

        ScriptPrinter.Printf(o, Done, []);
        TapsetControl.Exit(Tapset);
    }

    private void Add(HandlerContext ctx, long key, long value) =>
        _aggArray.GetOrAdd(new(key), AggToken).Add(ctx.Cpu, value);

    // The printf the script repeats in every loop; each @op(agg_array[key]) reads the element again.
    private void PrintElement(HandlerContext ctx, long key)
    {
        var stats = _aggArray.TryGetValue(new(key), out var value) ? value.ReadElement() : StatsSnapshot.Empty;
        const string near = "operator '@avg' at maps.foreach_limit2.stp:82:9";
        ScriptPrinter.Printf(ctx.Output, Element, [
            key, stats.Count, stats.Sum, stats.Avg(near), stats.Min(near), stats.Max(near), stats.Variance(near)]);
    }
}
