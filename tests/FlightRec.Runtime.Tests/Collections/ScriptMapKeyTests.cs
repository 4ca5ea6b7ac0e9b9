using FlightRec.Runtime.Collections;
using static FlightRec.Runtime.Tests.Collections.MapTestHelpers;

namespace FlightRec.Runtime.Tests.Collections;

public class ScriptMapKeyTests
{
    [Fact]
    public void OneColumnStringKeysCompareByBytes()
    {
        var map = new ScriptMap<Key1<string>, long>(10, sizeDeclared: false);
        map.GetOrAdd(new Key1<string>("ab"), Near)++;
        map.GetOrAdd(new Key1<string>(new string(['a', 'b'])), Near)++; // another instance, same bytes
        map.GetOrAdd(new Key1<string>("aB"), Near)++;
        map.GetOrAdd(new Key1<string>(""), Near)++;
        Assert.Equal("[\"ab\"]=2 [\"aB\"]=1 [\"\"]=1", Visit(map));
    }

    [Fact]
    public void TwoColumnKeysDistinguishColumns()
    {
        var map = new ScriptMap<Key2<string, long>, long>(10, sizeDeclared: false);
        map.Set(new Key2<string, long>("a", 1), 1, Near);
        map.Set(new Key2<string, long>("a", 2), 2, Near);
        map.Set(new Key2<string, long>("b", 1), 3, Near);
        Assert.Equal(2, map.Get(new Key2<string, long>("a", 2)));
        Assert.Equal(0, map.Get(new Key2<string, long>("b", 2)));
        Assert.Equal(3, map.Count);
    }

    [Fact]
    public void ThreeColumnKeys()
    {
        var map = new ScriptMap<Key3<long, long, long>, string>(10, sizeDeclared: false);
        map.Set(new Key3<long, long, long>(1, 2, 3), "x", Near);
        map.Set(new Key3<long, long, long>(3, 2, 1), "y", Near);
        map.Set(new Key3<long, long, long>(1, 3, 2), "z", Near);
        Assert.Equal("x", map.Get(new Key3<long, long, long>(1, 2, 3)));
        Assert.Equal("y", map.Get(new Key3<long, long, long>(3, 2, 1)));
        Assert.Equal("z", map.Get(new Key3<long, long, long>(1, 3, 2)));
        Assert.Equal("", map.Get(new Key3<long, long, long>(2, 1, 3)));
    }

    [Fact]
    public void NineColumnKeysUseEveryColumn()
    {
        var map = new ScriptMap<Key9<long, long, long, long, long, long, long, long, string>, long>(100, sizeDeclared: false);
        var baseKey = new Key9<long, long, long, long, long, long, long, long, string>(1, 2, 3, 4, 5, 6, 7, 8, "nine");
        map.Set(baseKey, 100, Near);
        for (int column = 0; column < 9; column++)
        {
            long[] v = [1, 2, 3, 4, 5, 6, 7, 8];
            string last = "nine";
            if (column < 8)
            {
                v[column] = 0;
            }
            else
            {
                last = "nin";
            }

            var changed = new Key9<long, long, long, long, long, long, long, long, string>(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], last);
            Assert.False(map.Contains(changed));
            Assert.NotEqual(baseKey, changed);
            map.Set(changed, column, Near);
        }

        Assert.Equal(10, map.Count);
        Assert.Equal(100, map.Get(new Key9<long, long, long, long, long, long, long, long, string>(1, 2, 3, 4, 5, 6, 7, 8, "nine")));
        using var sorted = map.Iterate(MapOrder.ByKey(8, descending: false));
        Assert.True(sorted.MoveNext());
        Assert.Equal("nin", sorted.Current.Key.K9);
        Assert.Equal(8, sorted.Current.Value);
    }

    [Fact]
    public void KeysFormatLikeTheEndOfSessionDisplay()
    {
        Assert.Equal("[\"two\",2]", new Key2<string, long>("two", 2).ToString());
        Assert.Equal("[-1]", new Key1<long>(-1).ToString());
    }

    [Fact]
    public void KeyEqualityOperatorsAndHashing()
    {
        var a = new Key3<string, long, string>("x", 1, "y");
        var b = new Key3<string, long, string>("x", 1, "y");
        var c = new Key3<string, long, string>("x", 1, "z");
        Assert.True(a == b);
        Assert.True(a != c);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)"x"));
    }

    [Fact]
    public void OnlyLongAndStringColumnsAreAccepted()
    {
        var error = Assert.Throws<NotSupportedException>(() => new ScriptMap<Key2<long, int>, long>(4, sizeDeclared: false));
        Assert.Equal("map key column 2 has type Int32; only long and string keys exist", error.Message);
    }
}
