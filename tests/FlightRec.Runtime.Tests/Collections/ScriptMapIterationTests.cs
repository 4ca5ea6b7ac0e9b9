using FlightRec.Runtime.Collections;
using static FlightRec.Runtime.Tests.Collections.MapTestHelpers;

namespace FlightRec.Runtime.Tests.Collections;

public class ScriptMapIterationTests
{
    [Fact]
    public void LimitStopsAfterNElements()
    {
        var map = LongMapWith((1, 1), (2, 2), (3, 3), (4, 4));
        Assert.Equal("[1]=1 [2]=2", Visit(map.Iterate(MapOrder.Unsorted, limit: 2)));
        Assert.Equal("[4]=4 [3]=3", Visit(map.Iterate(MapOrder.ByKey(0, true), limit: 2)));
        Assert.Equal("[4]=4 [3]=3 [2]=2 [1]=1", Visit(map.Iterate(MapOrder.Unsorted, limit: 100)));
    }

    [Fact]
    public void LimitOfZeroOrLessVisitsNothing()
    {
        var map = LongMapWith((1, 1), (2, 2));
        Assert.Equal("", Visit(map.Iterate(MapOrder.Unsorted, limit: 0)));
        Assert.Equal("", Visit(map.Iterate(MapOrder.Unsorted, limit: -5)));
        Assert.Equal("", Visit(map.Iterate(MapOrder.Unsorted, limit: long.MinValue)));
    }

    [Fact]
    public void LimitCountsElementsTheSliceFiltersOut()
    {
        var map = new ScriptMap<Key2<long, long>, long>(20, sizeDeclared: false);
        for (long i = 1; i <= 6; i++)
        {
            map.Set(new Key2<long, long>(i, i % 2 == 0 ? 3 : 4), i, Near);
        }

        // [*, 3] matches 2, 4, 6; limit 3 looks at 1, 2, 3 only.
        Assert.Equal("[2,3]=2", Visit(map.IterateSlice(new Key2<long, long>(0, 3), 0b10, MapOrder.Unsorted, limit: 3)));
        Assert.Equal("[2,3]=2 [4,3]=4", Visit(map.IterateSlice(new Key2<long, long>(0, 3), 0b10, MapOrder.Unsorted, limit: 4)));
        Assert.Equal("[2,3]=2 [4,3]=4 [6,3]=6", Visit(map.IterateSlice(new Key2<long, long>(0, 3), 0b10)));
        Assert.Equal("", Visit(map.IterateSlice(new Key2<long, long>(0, 3), 0b10, MapOrder.Unsorted, limit: 1)));
    }

    [Fact]
    public void SliceFiltersAfterSorting()
    {
        var map = new ScriptMap<Key2<string, long>, long>(20, sizeDeclared: false);
        map.Set(new Key2<string, long>("a", 1), 50, Near);
        map.Set(new Key2<string, long>("b", 2), 40, Near);
        map.Set(new Key2<string, long>("c", 1), 30, Near);
        map.Set(new Key2<string, long>("d", 1), 60, Near);
        map.Set(new Key2<string, long>("e", 2), 70, Near);

        var slice = new Key2<string, long>(null!, 1);
        Assert.Equal(
            "[\"d\",1]=60 [\"a\",1]=50",
            Visit(map.IterateSlice(slice, 0b10, MapOrder.ByValue(descending: true), limit: 3)));
        // The whole map was sorted, not only the slice.
        Assert.Equal("[\"e\",2]=70 [\"d\",1]=60 [\"a\",1]=50 [\"b\",2]=40 [\"c\",1]=30", Visit(map));
    }

    [Fact]
    public void SliceFixingEveryColumnVisitsAtMostOneElement()
    {
        var map = new ScriptMap<Key2<string, long>, long>(20, sizeDeclared: false);
        map.Set(new Key2<string, long>("a", 1), 5, Near);
        map.Set(new Key2<string, long>("a", 2), 6, Near);
        Assert.Equal("[\"a\",2]=6", Visit(map.IterateSlice(new Key2<string, long>("a", 2), 0b11)));
    }

    [Fact]
    public void EmptyMapIteratesNothingInEveryForm()
    {
        var map = LongMap();
        Assert.Equal("", Visit(map));
        Assert.Equal("", Visit(map.Iterate(MapOrder.ByValue(true), limit: 5)));
        Assert.Equal("", Visit(map.IterateSlice(new Key1<long>(1), 1, MapOrder.ByKey(0, false))));
    }

    [Fact]
    public void NestedForeachOverTheSameMapIsIndependent()
    {
        var map = LongMapWith((1, 20), (2, 10));
        var pairs = new List<string>();
        foreach (var outer in map)
        {
            foreach (var inner in map.Iterate(MapOrder.ByValue(false)))
            {
                pairs.Add($"{outer.Key.K1}/{inner.Key.K1}");
            }
        }

        Assert.Equal("1/2 1/1 2/2 2/1", string.Join(" ", pairs));
    }

    [Fact]
    public void EnumeratorExposesKeyAndValueByReference()
    {
        var map = new ScriptMap<Key1<long>, FakeStats>(4, sizeDeclared: false, newValue: () => new FakeStats());
        map.GetOrAdd(new Key1<long>(9), Near).Add(3);
        using var enumerator = map.Iterate(MapOrder.Unsorted);
        Assert.True(enumerator.MoveNext());
        Assert.Equal(9, enumerator.CurrentKey.K1);
        Assert.Same(map.Get(new Key1<long>(9)), enumerator.CurrentValue);
        Assert.False(enumerator.MoveNext());
        Assert.False(enumerator.MoveNext());
    }

    [Fact]
    public void DisposingTwiceIsHarmless()
    {
        var map = LongMapWith((1, 1));
        var enumerator = map.Iterate(MapOrder.Unsorted);
        enumerator.Dispose();
        enumerator.Dispose();
    }
}
