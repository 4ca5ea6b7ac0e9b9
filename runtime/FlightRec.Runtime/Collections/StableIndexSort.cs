namespace FlightRec.Runtime.Collections;

/// <summary>
/// A stable merge sort of slot indices: elements that compare equal keep their relative
/// order, as stap's list merge sort does (LANGUAGE.md §5.5). Bottom-up, so it needs no
/// recursion; short runs are insertion-sorted first.
/// </summary>
internal static class StableIndexSort
{
    private const int RunLength = 16;

    /// <param name="items">The indices to sort, in place.</param>
    /// <param name="scratch">A buffer at least as long as <paramref name="items"/>.</param>
    public static void Sort<TComparer>(Span<int> items, Span<int> scratch, ref TComparer comparer)
        where TComparer : struct, IIndexComparer
    {
        int n = items.Length;
        for (int start = 0; start < n; start += RunLength)
        {
            InsertionSort(items.Slice(start, Math.Min(RunLength, n - start)), ref comparer);
        }

        Span<int> from = items;
        Span<int> to = scratch[..n];
        for (int width = RunLength; width < n; width *= 2)
        {
            for (int left = 0; left < n; left += 2 * width)
            {
                int middle = Math.Min(left + width, n);
                int right = Math.Min(left + 2 * width, n);
                Merge(from[left..middle], from[middle..right], to[left..right], ref comparer);
            }

            Span<int> swap = from;
            from = to;
            to = swap;
        }

        if (from != items)
        {
            from.CopyTo(items);
        }
    }

    private static void InsertionSort<TComparer>(Span<int> run, ref TComparer comparer)
        where TComparer : struct, IIndexComparer
    {
        for (int i = 1; i < run.Length; i++)
        {
            int item = run[i];
            int j = i - 1;
            while (j >= 0 && comparer.Compare(run[j], item) > 0)
            {
                run[j + 1] = run[j];
                j--;
            }

            run[j + 1] = item;
        }
    }

    private static void Merge<TComparer>(Span<int> left, Span<int> right, Span<int> output, ref TComparer comparer)
        where TComparer : struct, IIndexComparer
    {
        int l = 0, r = 0, o = 0;
        while (l < left.Length && r < right.Length)
        {
            // Taking from the left on ties is what makes the sort stable.
            output[o++] = comparer.Compare(left[l], right[r]) <= 0 ? left[l++] : right[r++];
        }

        left[l..].CopyTo(output[o..]);
        right[r..].CopyTo(output[(o + left.Length - l)..]);
    }
}
