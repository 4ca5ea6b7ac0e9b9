using FlightRec.Runtime.Collections;

namespace FlightRec.Runtime.Tests.Collections;

/// <summary>Builds maps and renders foreach results as text so tests compare exact sequences.</summary>
internal static class MapTestHelpers
{
    public const string Near = "identifier 'a' at t.frs:3:5";

    public static ScriptMap<Key1<long>, long> LongMap(int capacity = 2048, bool declared = false, bool wrap = false) =>
        new(capacity, declared, wrap);

    public static ScriptMap<Key1<long>, long> LongMapWith(params (long Key, long Value)[] elements)
    {
        var map = LongMap();
        foreach (var (key, value) in elements)
        {
            map.Set(new Key1<long>(key), value, Near);
        }

        return map;
    }

    /// <summary>"k=v k=v …" in visiting order.</summary>
    public static string Visit<TKey, TValue>(ScriptMap<TKey, TValue>.Enumerator enumerator)
        where TKey : struct, IScriptMapKey<TKey>
    {
        var parts = new List<string>();
        foreach (var (key, value) in enumerator)
        {
            parts.Add($"{key}={(value is string s ? "\"" + s + "\"" : value)}");
        }

        return string.Join(" ", parts);
    }

    public static string Visit<TKey, TValue>(ScriptMap<TKey, TValue> map)
        where TKey : struct, IScriptMapKey<TKey> => Visit(map.Iterate(MapOrder.Unsorted));
}
