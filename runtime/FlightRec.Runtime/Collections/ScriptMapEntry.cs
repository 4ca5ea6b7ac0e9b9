namespace FlightRec.Runtime.Collections;

/// <summary>One element visited by a map <c>foreach</c>.</summary>
public readonly struct ScriptMapEntry<TKey, TValue>
{
    public ScriptMapEntry(TKey key, TValue value)
    {
        Key = key;
        Value = value;
    }

    public TKey Key { get; }

    public TValue Value { get; }

    public void Deconstruct(out TKey key, out TValue value)
    {
        key = Key;
        value = Value;
    }
}
