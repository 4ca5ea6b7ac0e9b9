namespace FlightRec.Runtime.Tests.Collections;

/// <summary>Stands in for the statistics accumulator: the map only stores it and asks for sort keys.</summary>
internal sealed class FakeStats
{
    public long Count { get; private set; }

    public long Sum { get; private set; }

    public long Min { get; private set; } = long.MaxValue;

    public long Max { get; private set; } = long.MinValue;

    public void Add(long value)
    {
        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    public override string ToString() => $"@count={Count} @sum={Sum}";
}
