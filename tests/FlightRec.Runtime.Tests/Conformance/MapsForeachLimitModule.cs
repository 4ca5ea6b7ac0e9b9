using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.foreach_limit.stp: unsorted, value-sorted and key-sorted foreach with constant and
/// computed limits (evaluated once), a slice with a value sort (PR17860), then a @hist_log
/// aggregate: extractors, the printed histogram and foreach over its buckets.
/// </summary>
internal sealed class MapsForeachLimitModule : ConformanceModule
{
    private const string ArrayToken = "identifier 'array' at maps.foreach_limit.stp:11:5";
    private const string HistToken = "operator '@hist_log' at maps.foreach_limit.stp:141:11";
    private static readonly StatsDescriptor AggStats = new(HistogramShape.Log);
    private static readonly CompiledFormat ArraysHeader = Format("\nArrays:\n");
    private static readonly CompiledFormat UnsortedHeader = Format("unsorted:\n");
    private static readonly CompiledFormat KeyValue = Format("key %d, value %d\n");
    private static readonly CompiledFormat UnsortedLimitHeader = Format("\nunsorted limit 5:\n");
    private static readonly CompiledFormat Iterations = Format("loop had %d iterations\n");
    private static readonly CompiledFormat ByValuesLimit5 = Format("\nsorted (by values) limit 5:\n");
    private static readonly CompiledFormat ByKeysLimit5 = Format("\nsorted (by keys) limit 5:\n");
    private static readonly CompiledFormat ByValuesLimitX = Format("\nsorted (by values) limit x (%d):\n");
    private static readonly CompiledFormat ByValuesLimitX2 = Format("\nsorted (by values) limit x * 2 (%d):\n");
    private static readonly CompiledFormat ByValuesPreIncrement = Format("\nsorted (by values) limit ++x:\n");
    private static readonly CompiledFormat XEnded = Format("x ended up as %d\n");
    private static readonly CompiledFormat ByValuesPostIncrement = Format("\nsorted (by values) limit x++:\n");
    private static readonly CompiledFormat ByValuesSlice = Format("\nsorted (by values) with key specified limit x++:\n");
    private static readonly CompiledFormat AggregatesHeader = Format("\nAggregates:\n");
    private static readonly CompiledFormat CountSum = Format("count=%d sum=%d\n");
    private static readonly CompiledFormat MinMax = Format("min=%d max=%d\n");
    private static readonly CompiledFormat BucketLine = Format("bucket %d: %d\n");
    private static readonly CompiledFormat Done = Format("\nDone.\n");

    private ScriptMap<Key1<long>, long> _array = null!;
    private StatsValue _agg = null!;

    public MapsForeachLimitModule()
        : base("maps.foreach_limit")
    {
        Globals = [new GlobalDescriptor("array", GlobalKind.Array), new GlobalDescriptor("agg", GlobalKind.Statistics)];
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
        _array = ScriptMap<Key1<long>, long>.Default(Limits);
        _agg = NewStats(AggStats);
    }

    private void Begin0(HandlerContext ctx)
    {
        var o = ctx.Output;
        ScriptPrinter.Printf(o, ArraysHeader, []);
        _array.Set(new(9), 18, ArrayToken);
        _array.Set(new(1), 40, ArrayToken);
        _array.Set(new(8), 16, ArrayToken);
        _array.Set(new(2), 4, ArrayToken);
        _array.Set(new(7), 14, ArrayToken);
        _array.Set(new(3), 36, ArrayToken);
        _array.Set(new(6), 12, ArrayToken);
        _array.Set(new(5), 10, ArrayToken);
        _array.Set(new(4), 8, ArrayToken);
        _array.Set(new(10), 20, ArrayToken);

        ScriptPrinter.Printf(o, UnsortedHeader, []);
        foreach (var e in _array.Iterate(MapOrder.Unsorted))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
        }

        ScriptPrinter.Printf(o, UnsortedLimitHeader, []);
        long i = 0;
        foreach (var e in _array.Iterate(MapOrder.Unsorted, limit: 5))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, ByValuesLimit5, []);
        i = 0;
        foreach (var e in _array.Iterate(MapOrder.ByValue(descending: false), limit: 5))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, ByKeysLimit5, []);
        i = 0;
        foreach (var e in _array.Iterate(MapOrder.ByKey(0, descending: false), limit: 5))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        long x = 3;
        ScriptPrinter.Printf(o, ByValuesLimitX, [x]);
        i = 0;
        foreach (var e in _array.Iterate(MapOrder.ByValue(descending: false), limit: x))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, ByValuesLimitX2, [x * 2]);
        i = 0;
        foreach (var e in _array.Iterate(MapOrder.ByValue(descending: false), limit: x * 2))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);

        ScriptPrinter.Printf(o, ByValuesPreIncrement, []);
        i = 0;
        foreach (var e in _array.Iterate(MapOrder.ByValue(descending: false), limit: ++x))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);
        ScriptPrinter.Printf(o, XEnded, [x]);

        ScriptPrinter.Printf(o, ByValuesPostIncrement, []);
        i = 0;
        foreach (var e in _array.Iterate(MapOrder.ByValue(descending: false), limit: x++))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);
        ScriptPrinter.Printf(o, XEnded, [x]);

        // foreach (key in array[++x]+ limit x): the slice index is evaluated first, then the limit.
        ScriptPrinter.Printf(o, ByValuesSlice, []);
        i = 0;
        var slice = new Key1<long>(++x);
        long limit = x;
        foreach (var e in _array.IterateSlice(slice, fixedColumns: 1, MapOrder.ByValue(descending: false), limit))
        {
            long key = e.Key.K1;
            ScriptPrinter.Printf(o, KeyValue, [key, _array.Get(new(key))]);
            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);
        ScriptPrinter.Printf(o, XEnded, [x]);

        ScriptPrinter.Printf(o, AggregatesHeader, []);
        foreach (var e in _array.Iterate(MapOrder.Unsorted))
        {
            long value = _array.Get(e.Key);
            for (long factor = 1; factor <= 15; factor++)
            {
                _agg.Add(ctx.Cpu, value * factor); // the script's fifteen "agg <<< array[key] * N" lines
            }
        }

        var stats = _agg.Read();
        ScriptPrinter.Printf(o, CountSum, [stats.Count, stats.Sum]);
        ScriptPrinter.Printf(o, MinMax, [
            stats.Min("operator '@min' at maps.foreach_limit.stp:140:31"),
            stats.Max("operator '@max' at maps.foreach_limit.stp:140:42")]);
        _agg.ReadHistogram().Print(o, Limits, HistToken);

        i = 0;
        var histogram = _agg.ReadHistogram();
        for (int bucket = 0; bucket < histogram.BucketCount && bucket < 71; bucket++)
        {
            if (_agg.Bucket(bucket, HistToken) != 0)
            {
                ScriptPrinter.Printf(o, BucketLine, [bucket, _agg.Bucket(bucket, HistToken)]);
            }

            i++;
        }

        ScriptPrinter.Printf(o, Iterations, [i]);
        ScriptPrinter.Printf(o, Done, []);
        TapsetControl.Exit(Tapset);
    }
}
