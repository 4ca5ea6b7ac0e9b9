using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Collections;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// <c>foreach (k in a-)</c> over 10,000 elements: snapshot, stable merge sort by value, visit.
/// "FromCreationOrder" sorts a random order every time (the map does not keep the sorted
/// order); "Persistent" is the stap behaviour, where every run after the first finds the list
/// already sorted.
/// </summary>
[MemoryDiagnoser]
[MapBenchmarkJob]
public class MapForeachBenchmarks
{
    private const int Elements = 10_000;

    private readonly ScriptMap<Key1<long>, long> _unsortedEachTime = new(Elements, sizeDeclared: true, keepSortedOrder: false);
    private readonly ScriptMap<Key1<long>, long> _persistent = new(Elements, sizeDeclared: true);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (long k = 0; k < Elements; k++)
        {
            long value = random.Next(0, 100_000);
            _unsortedEachTime.Set(new Key1<long>(k), value, null);
            _persistent.Set(new Key1<long>(k), value, null);
        }
    }

    [Benchmark]
    public long SortedByValueFromCreationOrder() => SumInOrder(_unsortedEachTime, MapOrder.ByValue(descending: true));

    [Benchmark]
    public long SortedByValuePersistent() => SumInOrder(_persistent, MapOrder.ByValue(descending: true));

    [Benchmark]
    public long SortedByKeyFromCreationOrder() => SumInOrder(_unsortedEachTime, MapOrder.ByKey(0, descending: true));

    [Benchmark]
    public long Unsorted() => SumInOrder(_unsortedEachTime, MapOrder.Unsorted);

    private static long SumInOrder(ScriptMap<Key1<long>, long> map, MapOrder order)
    {
        long checksum = 0;
        foreach (var entry in map.Iterate(order))
        {
            checksum = (checksum * 31) + entry.Value;
        }

        return checksum;
    }
}
