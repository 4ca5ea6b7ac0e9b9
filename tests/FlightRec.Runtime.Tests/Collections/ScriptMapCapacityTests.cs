using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using static FlightRec.Runtime.Tests.Collections.MapTestHelpers;

namespace FlightRec.Runtime.Tests.Collections;

public class ScriptMapCapacityTests
{
    [Fact]
    public void DeclaredSizeOverflowNamesTheSize()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(3);
        for (long k = 0; k < 3; k++)
        {
            map.Set(new Key1<long>(k), k, Near);
        }

        var error = Assert.Throws<ScriptError>(() => map.Set(new Key1<long>(3), 3, Near));
        Assert.Equal("Array overflow, check size limit (3)", error.Message);
        Assert.Equal(Near, error.Near);
        Assert.True(error.Catchable);
        Assert.Equal("ERROR: Array overflow, check size limit (3) near identifier 'a' at t.frs:3:5", error.Report);
        Assert.Equal(3, map.Count);
        Assert.False(map.Contains(new Key1<long>(3)));
    }

    [Fact]
    public void DefaultSizeOverflowNamesMaxMapEntries()
    {
        var map = ScriptMap<Key1<long>, long>.Default(ScriptLimits.Default);
        Assert.Equal(2048, map.Capacity);
        for (long k = 0; k < 2048; k++)
        {
            map.GetOrAdd(new Key1<long>(k), Near)++;
        }

        var error = Assert.Throws<ScriptError>(() => map.GetOrAdd(new Key1<long>(-1), "operator '++' at t.frs:1:20"));
        Assert.Equal("Array overflow, check MAXMAPENTRIES", error.Message);
        Assert.Equal("ERROR: Array overflow, check MAXMAPENTRIES near operator '++' at t.frs:1:20", error.Report);
    }

    [Fact]
    public void MaxMapEntriesComesFromTheLimits()
    {
        var map = ScriptMap<Key1<long>, long>.Default(ScriptLimits.Default with { MaxMapEntries = 2 });
        map.Set(new Key1<long>(1), 1, null);
        map.Set(new Key1<long>(2), 2, null);
        var error = Assert.Throws<ScriptError>(() => map.Set(new Key1<long>(3), 3, null));
        Assert.Equal("ERROR: Array overflow, check MAXMAPENTRIES", error.Report);
    }

    [Fact]
    public void UpdatingAnExistingKeyOfAFullMapNeverFails()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(2);
        map.Set(new Key1<long>(1), 1, Near);
        map.Set(new Key1<long>(2), 2, Near);
        map.Set(new Key1<long>(1), 5, Near);
        map.GetOrAdd(new Key1<long>(2), Near) += 5;
        Assert.Equal("[1]=5 [2]=7", Visit(map));
    }

    [Fact]
    public void DeletingFreesCapacityImmediately()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(2);
        map.Set(new Key1<long>(1), 1, Near);
        map.Set(new Key1<long>(2), 2, Near);
        map.Remove(new Key1<long>(1));
        map.Set(new Key1<long>(3), 3, Near);
        Assert.Equal("[2]=2 [3]=3", Visit(map));
        map.Clear();
        map.Set(new Key1<long>(4), 4, Near);
        map.Set(new Key1<long>(5), 5, Near);
        Assert.Equal("[4]=4 [5]=5", Visit(map));
    }

    [Fact]
    public void WrapEvictsTheOldestCreatedElementAndUpdatesDoNotRefreshAge()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(3, wrap: true);
        map.Set(new Key1<long>(1), 1, Near);
        map.Set(new Key1<long>(2), 2, Near);
        map.Set(new Key1<long>(3), 3, Near);
        map.Set(new Key1<long>(1), 100, Near); // update: 1 stays the oldest
        map.Set(new Key1<long>(4), 4, Near);
        Assert.Equal("[2]=2 [3]=3 [4]=4", Visit(map));
        map.Set(new Key1<long>(5), 5, Near);
        Assert.Equal("[3]=3 [4]=4 [5]=5", Visit(map));
        Assert.Equal(3, map.Count);
    }

    [Fact]
    public void WrapEvictsByCreationOrderEvenAfterASort()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(3, wrap: true);
        map.Set(new Key1<long>(1), 30, Near);
        map.Set(new Key1<long>(2), 10, Near);
        map.Set(new Key1<long>(3), 20, Near);
        Assert.Equal("[2]=10 [3]=20 [1]=30", Visit(map.Iterate(MapOrder.ByValue(descending: false))));

        map.Set(new Key1<long>(4), 40, Near); // evicts 1, the oldest, although the list now starts with 2
        Assert.Equal("[2]=10 [3]=20 [4]=40", Visit(map));
        map.Set(new Key1<long>(5), 50, Near);
        Assert.Equal("[3]=20 [4]=40 [5]=50", Visit(map));
    }

    [Fact]
    public void WrapTreatsAReinsertedKeyAsNew()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(3, wrap: true);
        map.Set(new Key1<long>(1), 1, Near);
        map.Set(new Key1<long>(2), 2, Near);
        map.Set(new Key1<long>(3), 3, Near);
        map.Remove(new Key1<long>(1));
        map.Set(new Key1<long>(1), 11, Near); // room again: nothing evicted, 1 is now the newest
        Assert.Equal("[2]=2 [3]=3 [1]=11", Visit(map));
        map.Set(new Key1<long>(4), 4, Near);
        Assert.Equal("[3]=3 [1]=11 [4]=4", Visit(map));
        map.Set(new Key1<long>(5), 5, Near);
        map.Set(new Key1<long>(6), 6, Near);
        Assert.Equal("[4]=4 [5]=5 [6]=6", Visit(map));
    }

    [Fact]
    public void WrapOfSizeOneKeepsOnlyTheNewest()
    {
        var map = ScriptMap<Key1<string>, long>.Declared(1, wrap: true);
        map.GetOrAdd(new Key1<string>("a"), Near)++;
        map.GetOrAdd(new Key1<string>("b"), Near)++;
        map.GetOrAdd(new Key1<string>("b"), Near)++;
        Assert.Equal("[\"b\"]=2", Visit(map));
    }

    [Fact]
    public void WrapWithoutDeclaredSizeUsesMaxMapEntries()
    {
        var map = ScriptMap<Key1<long>, long>.Default(ScriptLimits.Default, wrap: true);
        for (long k = 0; k < 2049; k++)
        {
            map.Set(new Key1<long>(k), k, Near);
        }

        Assert.Equal(2048, map.Count);
        Assert.False(map.Contains(new Key1<long>(0)));
        Assert.True(map.Contains(new Key1<long>(1)));
        Assert.True(map.Contains(new Key1<long>(2048)));
    }

    [Fact]
    public void CapacityBelowOneIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScriptMap<Key1<long>, long>.Declared(0));
    }

    [Fact]
    public void HugeDeclaredSizeDoesNotPreallocate()
    {
        var map = ScriptMap<Key1<long>, long>.Declared(int.MaxValue);
        map.Set(new Key1<long>(1), 1, Near);
        Assert.Equal(int.MaxValue, map.Capacity);
        Assert.Equal("[1]=1", Visit(map));
    }
}
