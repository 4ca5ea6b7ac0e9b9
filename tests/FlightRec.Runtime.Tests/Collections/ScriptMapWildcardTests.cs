using FlightRec.Runtime.Collections;
using static FlightRec.Runtime.Tests.Collections.MapTestHelpers;

namespace FlightRec.Runtime.Tests.Collections;

public class ScriptMapWildcardTests
{
    private static ScriptMap<Key2<long, string>, long> Grid()
    {
        var map = new ScriptMap<Key2<long, string>, long>(20, sizeDeclared: false);
        map.Set(new Key2<long, string>(1, "x"), 1, Near);
        map.Set(new Key2<long, string>(2, "x"), 2, Near);
        map.Set(new Key2<long, string>(1, "y"), 3, Near);
        map.Set(new Key2<long, string>(3, "z"), 4, Near);
        return map;
    }

    [Fact]
    public void WildcardMembership()
    {
        var map = Grid();
        Assert.True(map.ContainsMatch(new Key2<long, string>(1, null!), 0b01)); // [1, *] in a
        Assert.False(map.ContainsMatch(new Key2<long, string>(4, null!), 0b01));
        Assert.True(map.ContainsMatch(new Key2<long, string>(0, "z"), 0b10)); // [*, "z"] in a
        Assert.False(map.ContainsMatch(new Key2<long, string>(0, "w"), 0b10));
        Assert.True(map.ContainsMatch(default, 0)); // [*, *] in a: not empty
        Assert.True(map.ContainsMatch(new Key2<long, string>(2, "x"), 0b11));
        Assert.False(map.ContainsMatch(new Key2<long, string>(2, "y"), 0b11));
        Assert.False(new ScriptMap<Key2<long, string>, long>(2, false).ContainsMatch(default, 0));
    }

    [Fact]
    public void WildcardDeleteRemovesEveryMatchAndKeepsTheOrderOfTheRest()
    {
        var map = Grid();
        Assert.Equal(2, map.RemoveMatches(new Key2<long, string>(0, "x"), 0b10)); // delete a[*, "x"]
        Assert.Equal("[1,\"y\"]=3 [3,\"z\"]=4", Visit(map));
        Assert.Equal(0, map.RemoveMatches(new Key2<long, string>(7, null!), 0b01));
        Assert.Equal(1, map.RemoveMatches(new Key2<long, string>(3, "z"), 0b11));
        Assert.Equal("[1,\"y\"]=3", Visit(map));
        Assert.Equal(1, map.RemoveMatches(default, 0)); // delete a[*, *]
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void WildcardDeleteFreesCapacityAndReinsertedKeysGoToTheEnd()
    {
        var map = new ScriptMap<Key2<long, string>, long>(4, sizeDeclared: true);
        map.Set(new Key2<long, string>(1, "x"), 1, Near);
        map.Set(new Key2<long, string>(2, "x"), 2, Near);
        map.Set(new Key2<long, string>(1, "y"), 3, Near);
        map.Set(new Key2<long, string>(3, "z"), 4, Near);
        map.RemoveMatches(new Key2<long, string>(1, null!), 0b01); // delete a[1, *]
        map.Set(new Key2<long, string>(1, "x"), 5, Near);
        map.Set(new Key2<long, string>(9, "q"), 6, Near);
        Assert.Equal("[2,\"x\"]=2 [3,\"z\"]=4 [1,\"x\"]=5 [9,\"q\"]=6", Visit(map));
    }

    [Fact]
    public void NineColumnWildcardsOnAnyPosition()
    {
        var map = new ScriptMap<Key9<long, string, long, string, long, string, long, string, long>, long>(100, sizeDeclared: false);
        for (long i = 0; i < 10; i++)
        {
            var key = new Key9<long, string, long, string, long, string, long, string, long>(
                i, "s" + (i % 2), i % 3, "t", -i, "u" + i, 7, "v", i % 5);
            map.Set(key, i, Near);
        }

        var pattern = new Key9<long, string, long, string, long, string, long, string, long>(0, "s1", 0, null!, 0, null!, 0, null!, 4);
        Assert.True(map.ContainsMatch(pattern, 0b1_0000_0010)); // [*, "s1", *, *, *, *, *, *, 4]: i = 9
        Assert.Equal(1, map.RemoveMatches(pattern, 0b1_0000_0010));
        Assert.False(map.ContainsMatch(pattern, 0b1_0000_0010));
        Assert.Equal(4, map.RemoveMatches(pattern, 0b0_0000_0010)); // [*, "s1", …]: 1, 3, 5, 7
        Assert.Equal(5, map.Count);
        Assert.Equal(
            "[0,\"s0\",0,\"t\",0,\"u0\",7,\"v\",0]=0 [2,\"s0\",2,\"t\",-2,\"u2\",7,\"v\",2]=2 [4,\"s0\",1,\"t\",-4,\"u4\",7,\"v\",4]=4 [6,\"s0\",0,\"t\",-6,\"u6\",7,\"v\",1]=6 [8,\"s0\",2,\"t\",-8,\"u8\",7,\"v\",3]=8",
            Visit(map));
    }
}
