using System.Runtime.CompilerServices;
using FlightRec.Runtime.Collections;
using static FlightRec.Runtime.Tests.Collections.MapTestHelpers;

namespace FlightRec.Runtime.Tests.Collections;

public class ScriptMapValueTests
{
    [Fact]
    public void MissingLongReadsZeroAndIsNotCreated()
    {
        var map = LongMap();
        Assert.Equal(0, map.Get(new Key1<long>(5)));
        Assert.False(map.Contains(new Key1<long>(5)));
        Assert.False(map.TryGetValue(new Key1<long>(5), out long value));
        Assert.Equal(0, value);
        Assert.True(Unsafe.IsNullRef(ref map.GetValueRefOrNullRef(new Key1<long>(5))));
        Assert.Equal(0, map.Count);
        Assert.Equal("", Visit(map));
    }

    [Fact]
    public void MissingStringReadsEmptyStringNotNull()
    {
        var map = new ScriptMap<Key1<string>, string>(10, sizeDeclared: false);
        Assert.Equal("", map.Get(new Key1<string>("x")));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void AssigningZeroOrEmptyKeepsTheElement()
    {
        var longs = LongMap();
        longs.Set(new Key1<long>(1), 0, Near);
        Assert.True(longs.Contains(new Key1<long>(1)));
        Assert.Equal("[1]=0", Visit(longs));

        var strings = new ScriptMap<Key1<string>, string>(10, sizeDeclared: false);
        strings.Set(new Key1<string>("k"), "", Near);
        Assert.True(strings.Contains(new Key1<string>("k")));
        Assert.Equal("[\"k\"]=\"\"", Visit(strings));
    }

    [Fact]
    public void IncrementCreatesThenUpdatesInPlace()
    {
        var map = LongMap();
        map.GetOrAdd(new Key1<long>(7), Near)++;
        map.GetOrAdd(new Key1<long>(7), Near) += 41;
        Assert.Equal(42, map.Get(new Key1<long>(7)));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void GetOrAddReportsWhetherTheElementIsNew()
    {
        var map = LongMap();
        map.GetOrAdd(new Key1<long>(1), Near, out bool first);
        map.GetOrAdd(new Key1<long>(1), Near, out bool second);
        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public void ConcatenateAssignOnMissingStringStartsFromEmpty()
    {
        var map = new ScriptMap<Key1<string>, string>(10, sizeDeclared: false);
        ref string slot = ref map.GetOrAdd(new Key1<string>("k"), Near);
        slot += "ab";
        map.GetOrAdd(new Key1<string>("k"), Near) += "cd";
        Assert.Equal("abcd", map.Get(new Key1<string>("k")));
    }

    [Fact]
    public void NewValueFactoryInitialisesStatisticsElements()
    {
        var map = new ScriptMap<Key1<long>, FakeStats>(10, sizeDeclared: false, newValue: () => new FakeStats());
        map.GetOrAdd(new Key1<long>(1), Near).Add(5);
        map.GetOrAdd(new Key1<long>(1), Near).Add(7);
        Assert.Equal(2, map.Get(new Key1<long>(1)).Count);
        Assert.Null(map.Get(new Key1<long>(2)));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void SetOverwritesWithoutMovingTheElement()
    {
        var map = LongMapWith((1, 10), (2, 20), (3, 30));
        map.Set(new Key1<long>(1), 11, Near);
        Assert.Equal("[1]=11 [2]=20 [3]=30", Visit(map));
    }

    [Fact]
    public void RemoveThenReinsertGoesToTheEnd()
    {
        var map = LongMapWith((1, 10), (2, 20), (3, 30));
        Assert.True(map.Remove(new Key1<long>(1)));
        Assert.False(map.Remove(new Key1<long>(1)));
        map.Set(new Key1<long>(1), 12, Near);
        Assert.Equal("[2]=20 [3]=30 [1]=12", Visit(map));
    }

    [Fact]
    public void RemovingHeadMiddleAndTailKeepsTheRestInOrder()
    {
        var map = LongMapWith((1, 1), (2, 2), (3, 3), (4, 4), (5, 5));
        map.Remove(new Key1<long>(3));
        map.Remove(new Key1<long>(1));
        map.Remove(new Key1<long>(5));
        Assert.Equal("[2]=2 [4]=4", Visit(map));
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void ClearEmptiesAndTheMapIsUsableAgain()
    {
        var map = LongMapWith((1, 1), (2, 2));
        map.Clear();
        Assert.Equal(0, map.Count);
        Assert.False(map.Contains(new Key1<long>(1)));
        Assert.Equal("", Visit(map));
        map.Set(new Key1<long>(2), 5, Near);
        map.Set(new Key1<long>(1), 6, Near);
        Assert.Equal("[2]=5 [1]=6", Visit(map));
    }

    [Fact]
    public void ManyElementsSurviveGrowthAndCollidingRemovals()
    {
        var map = LongMap();
        for (long k = 0; k < 2048; k++)
        {
            map.Set(new Key1<long>(k * 1024), k, Near); // same low bits: long bucket chains
        }

        for (long k = 0; k < 2048; k += 2)
        {
            Assert.True(map.Remove(new Key1<long>(k * 1024)));
        }

        Assert.Equal(1024, map.Count);
        for (long k = 0; k < 2048; k++)
        {
            Assert.Equal(k % 2 == 1 ? k : 0, map.Get(new Key1<long>(k * 1024)));
        }
    }

    [Fact]
    public void NegativeAndExtremeLongKeysAreDistinct()
    {
        var map = LongMapWith((-1, 1), (long.MinValue, 2), (long.MaxValue, 3), (0, 4), (0xFFFFFFFFL, 5));
        Assert.Equal(1, map.Get(new Key1<long>(-1)));
        Assert.Equal(2, map.Get(new Key1<long>(long.MinValue)));
        Assert.Equal(3, map.Get(new Key1<long>(long.MaxValue)));
        Assert.Equal(4, map.Get(new Key1<long>(0)));
        Assert.Equal(5, map.Get(new Key1<long>(0xFFFFFFFFL)));
    }
}
