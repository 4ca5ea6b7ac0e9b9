using FlightRec.Runtime.Collections;
using static FlightRec.Runtime.Tests.Collections.MapTestHelpers;

namespace FlightRec.Runtime.Tests.Collections;

public class ScriptMapSortTests
{
    [Fact]
    public void UnsortedIsCreationOrder()
    {
        var map = LongMapWith((3, 1), (1, 2), (2, 3));
        Assert.Equal("[3]=1 [1]=2 [2]=3", Visit(map));
    }

    [Fact]
    public void LongKeysSortSignedBothWays()
    {
        var map = LongMapWith((5, 0), (-3, 0), (long.MinValue, 0), (0, 0), (long.MaxValue, 0), (-1, 0));
        Assert.Equal(
            "[-9223372036854775808]=0 [-3]=0 [-1]=0 [0]=0 [5]=0 [9223372036854775807]=0",
            Visit(map.Iterate(MapOrder.ByKey(0, descending: false))));
        Assert.Equal(
            "[9223372036854775807]=0 [5]=0 [0]=0 [-1]=0 [-3]=0 [-9223372036854775808]=0",
            Visit(map.Iterate(MapOrder.ByKey(0, descending: true))));
    }

    [Fact]
    public void LongValuesSortSignedBothWays()
    {
        var map = LongMapWith((1, 10), (2, -10), (3, 0), (4, long.MinValue), (5, 7));
        Assert.Equal(
            "[4]=-9223372036854775808 [2]=-10 [3]=0 [5]=7 [1]=10",
            Visit(map.Iterate(MapOrder.ByValue(descending: false))));
        Assert.Equal(
            "[1]=10 [5]=7 [3]=0 [2]=-10 [4]=-9223372036854775808",
            Visit(map.Iterate(MapOrder.ByValue(descending: true))));
    }

    [Fact]
    public void StringKeysSortByUnsignedBytes()
    {
        var map = new ScriptMap<Key1<string>, long>(10, sizeDeclared: false);
        foreach (string key in new[] { "b", "\u00e9t\u00e9", "a", "", "ab", "Z", "\u0080", "\u00ff", "z" })
        {
            map.Set(new Key1<string>(key), key.Length, Near);
        }

        Assert.Equal(
            "[\"\"]=0 [\"Z\"]=1 [\"a\"]=1 [\"ab\"]=2 [\"b\"]=1 [\"z\"]=1 [\"\u0080\"]=1 [\"\u00e9t\u00e9\"]=3 [\"\u00ff\"]=1",
            Visit(map.Iterate(MapOrder.ByKey(0, descending: false))));
        Assert.Equal(
            "[\"\u00ff\"]=1 [\"\u00e9t\u00e9\"]=3 [\"\u0080\"]=1 [\"z\"]=1 [\"b\"]=1 [\"ab\"]=2 [\"a\"]=1 [\"Z\"]=1 [\"\"]=0",
            Visit(map.Iterate(MapOrder.ByKey(0, descending: true))));
    }

    [Fact]
    public void StringValuesSortByUnsignedBytes()
    {
        var map = new ScriptMap<Key1<long>, string>(10, sizeDeclared: false);
        map.Set(new Key1<long>(1), "\u00c0", Near);
        map.Set(new Key1<long>(2), "a", Near);
        map.Set(new Key1<long>(3), "", Near);
        map.Set(new Key1<long>(4), "A", Near);
        Assert.Equal("[3]=\"\" [4]=\"A\" [2]=\"a\" [1]=\"\u00c0\"", Visit(map.Iterate(MapOrder.ByValue(descending: false))));
        Assert.Equal("[1]=\"\u00c0\" [2]=\"a\" [4]=\"A\" [3]=\"\"", Visit(map.Iterate(MapOrder.ByValue(descending: true))));
    }

    [Fact]
    public void TiesKeepCreationOrderAscendingAndDescending()
    {
        var map = LongMapWith((1, 5), (2, 3), (3, 5), (4, 3), (5, 5));
        Assert.Equal("[2]=3 [4]=3 [1]=5 [3]=5 [5]=5", Visit(map.Iterate(MapOrder.ByValue(descending: false))));

        var other = LongMapWith((1, 5), (2, 3), (3, 5), (4, 3), (5, 5));
        Assert.Equal("[1]=5 [3]=5 [5]=5 [2]=3 [4]=3", Visit(other.Iterate(MapOrder.ByValue(descending: true))));
    }

    [Fact]
    public void TiesKeepTheOrderOfThePreviousSort()
    {
        var map = new ScriptMap<Key2<long, string>, long>(10, sizeDeclared: false);
        map.Set(new Key2<long, string>(2, "x"), 0, Near);
        map.Set(new Key2<long, string>(1, "y"), 0, Near);
        map.Set(new Key2<long, string>(2, "a"), 0, Near);
        map.Set(new Key2<long, string>(1, "b"), 0, Near);

        Assert.Equal(
            "[2,\"a\"]=0 [1,\"b\"]=0 [2,\"x\"]=0 [1,\"y\"]=0",
            Visit(map.Iterate(MapOrder.ByKey(1, descending: false))));
        // Sorting on column 0 now keeps the column-1 order within equal column-0 keys.
        Assert.Equal(
            "[1,\"b\"]=0 [1,\"y\"]=0 [2,\"a\"]=0 [2,\"x\"]=0",
            Visit(map.Iterate(MapOrder.ByKey(0, descending: false))));
        Assert.Equal(
            "[2,\"a\"]=0 [2,\"x\"]=0 [1,\"b\"]=0 [1,\"y\"]=0",
            Visit(map.Iterate(MapOrder.ByKey(0, descending: true))));
    }

    [Fact]
    public void SortedOrderPersistsIntoLaterUnsortedForeach()
    {
        var map = LongMapWith((1, 30), (2, 10), (3, 20));
        Assert.Equal("[1]=30 [3]=20 [2]=10", Visit(map.Iterate(MapOrder.ByValue(descending: true))));
        Assert.Equal("[1]=30 [3]=20 [2]=10", Visit(map));

        map.Set(new Key1<long>(4), 0, Near); // new keys go to the end of the sorted list
        map.Set(new Key1<long>(2), 99, Near); // updates keep their place
        Assert.Equal("[1]=30 [3]=20 [2]=99 [4]=0", Visit(map));
    }

    [Fact]
    public void SortWithLimitZeroStillReordersTheMap()
    {
        var map = LongMapWith((1, 3), (2, 1), (3, 2));
        Assert.Equal("", Visit(map.Iterate(MapOrder.ByValue(descending: false), limit: 0)));
        Assert.Equal("[2]=1 [3]=2 [1]=3", Visit(map));
    }

    [Fact]
    public void StatisticsMapsDoNotKeepTheSortedOrder()
    {
        var map = new ScriptMap<Key1<long>, FakeStats>(10, sizeDeclared: false, newValue: () => new FakeStats(), keepSortedOrder: false);
        map.GetOrAdd(new Key1<long>(1), Near).Add(1);
        map.GetOrAdd(new Key1<long>(2), Near).Add(1);
        map.GetOrAdd(new Key1<long>(2), Near).Add(1);
        Assert.Equal("[2]=@count=2 @sum=2 [1]=@count=1 @sum=1", Visit(map.Iterate(MapOrder.ByValue(true), valueSortKey: Count)));
        Assert.Equal("[1]=@count=1 @sum=1 [2]=@count=2 @sum=2", Visit(map));
    }

    [Fact]
    public void StatisticsValueSortUsesTheChosenExtractor()
    {
        var map = new ScriptMap<Key1<string>, FakeStats>(10, sizeDeclared: false, newValue: () => new FakeStats());
        foreach (var (key, samples) in new[] { ("a", new long[] { 100 }), ("b", [1, 2, 3]), ("c", [50, 60]), ("d", [-5, 5]) })
        {
            foreach (long sample in samples)
            {
                map.GetOrAdd(new Key1<string>(key), Near).Add(sample);
            }
        }

        string Keys(MapOrder order, MapValueSortKey<FakeStats> sortKey)
        {
            var keys = new List<string>();
            foreach (var entry in map.Iterate(order, valueSortKey: sortKey))
            {
                keys.Add(entry.Key.K1);
            }

            return string.Join(",", keys);
        }

        // Each sort persists, so its ties (c and d: @count 2) keep the previous sort's order.
        Assert.Equal("a,c,d,b", Keys(MapOrder.ByValue(false), Count));
        Assert.Equal("c,a,b,d", Keys(MapOrder.ByValue(true), static (in FakeStats s) => s.Sum));
        Assert.Equal("d,b,c,a", Keys(MapOrder.ByValue(false), static (in FakeStats s) => s.Min));
        Assert.Equal("a,c,d,b", Keys(MapOrder.ByValue(true), static (in FakeStats s) => s.Max));
        Assert.Equal("d,b,c,a", Keys(MapOrder.ByValue(false), static (in FakeStats s) => s.Sum / s.Count));
    }

    [Fact]
    public void ValueSortOfOtherValueTypesNeedsAnExtractor()
    {
        var map = new ScriptMap<Key1<long>, FakeStats>(10, sizeDeclared: false, newValue: () => new FakeStats());
        map.GetOrAdd(new Key1<long>(1), Near).Add(1);
        map.GetOrAdd(new Key1<long>(2), Near).Add(1);
        Assert.Throws<InvalidOperationException>(() => map.Iterate(MapOrder.ByValue(false)));
    }

    [Fact]
    public void SortingOnAColumnBeyondTheKeyIsRejected()
    {
        var map = LongMapWith((1, 1), (2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Iterate(MapOrder.ByKey(1, false)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapOrder.ByKey(-1, false));
    }

    [Fact]
    public void ThreeColumnKeysSortOnTheMiddleAndLastColumns()
    {
        var map = new ScriptMap<Key3<string, long, string>, long>(10, sizeDeclared: false);
        map.Set(new Key3<string, long, string>("p", 3, "z"), 1, Near);
        map.Set(new Key3<string, long, string>("q", -1, "y"), 2, Near);
        map.Set(new Key3<string, long, string>("r", 3, "x"), 3, Near);
        map.Set(new Key3<string, long, string>("s", 0, "y"), 4, Near);
        Assert.Equal(
            "[\"q\",-1,\"y\"]=2 [\"s\",0,\"y\"]=4 [\"p\",3,\"z\"]=1 [\"r\",3,\"x\"]=3",
            Visit(map.Iterate(MapOrder.ByKey(1, false))));
        Assert.Equal(
            "[\"p\",3,\"z\"]=1 [\"q\",-1,\"y\"]=2 [\"s\",0,\"y\"]=4 [\"r\",3,\"x\"]=3",
            Visit(map.Iterate(MapOrder.ByKey(2, true))));
    }

    [Fact]
    public void LargeSortsAreStableAndMatchAReferenceSort()
    {
        var random = new Random(42);
        var map = LongMap(5000);
        var created = new List<(long Key, long Value)>();
        for (long k = 0; k < 5000; k++)
        {
            long value = random.Next(0, 50);
            map.Set(new Key1<long>(k), value, Near);
            created.Add((k, value));
        }

        string Expected(IEnumerable<(long Key, long Value)> items) => string.Join(" ", items.Select(e => $"[{e.Key}]={e.Value}"));

        var ascending = created.OrderBy(e => e.Value).ToList(); // LINQ's OrderBy is stable
        Assert.Equal(Expected(ascending), Visit(map.Iterate(MapOrder.ByValue(false))));
        var descending = ascending.OrderByDescending(e => e.Value).ToList();
        Assert.Equal(Expected(descending), Visit(map.Iterate(MapOrder.ByValue(true))));
        Assert.Equal(Expected(descending), Visit(map));
        var byKeyDown = created.OrderByDescending(e => e.Key).ToList();
        Assert.Equal(Expected(byKeyDown), Visit(map.Iterate(MapOrder.ByKey(0, true))));
    }

    private static long Count(in FakeStats stats) => stats.Count;
}
