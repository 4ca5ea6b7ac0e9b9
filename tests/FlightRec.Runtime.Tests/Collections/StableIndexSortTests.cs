using FlightRec.Runtime.Collections;

namespace FlightRec.Runtime.Tests.Collections;

public class StableIndexSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void MatchesAStableReferenceSort(int length)
    {
        var random = new Random(length);
        long[] keys = Enumerable.Range(0, length).Select(_ => (long)random.Next(0, 10)).ToArray();
        int[] items = Enumerable.Range(0, length).Reverse().ToArray();
        int[] expected = items.OrderBy(i => keys[i]).ToArray();

        var comparer = new ByKey(keys);
        StableIndexSort.Sort(items, new int[length], ref comparer);

        Assert.Equal(expected, items);
    }

    private readonly struct ByKey(long[] keys) : IIndexComparer
    {
        public int Compare(int a, int b) => keys[a].CompareTo(keys[b]);
    }
}
