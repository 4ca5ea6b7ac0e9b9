using System.Globalization;

namespace FlightRec.Runtime.Statistics;

/// <summary>
/// stap's histogram table (src <c>_stp_stat_print_histogram_buf</c>, LANGUAGE.md §7.3),
/// byte for byte: the data range widened by up to two empty buckets each side, bars scaled to
/// <c>HIST_WIDTH</c>, runs of empty rows elided to a <c>~</c> line per <c>HIST_ELISION</c>, and a
/// final empty line. Writes numbers straight into the target; allocates nothing.
/// </summary>
public static class HistogramPrinter
{
    private const int MinValueColumn = 5; // "value"

    /// <param name="buckets">Merged bucket counts; at least one is non-zero (callers reject empty values).</param>
    /// <param name="width">HIST_WIDTH, at least 1.</param>
    /// <param name="elision">HIST_ELISION: empty rows kept around data; negative disables eliding.</param>
    public static void Render<TTarget>(HistogramShape shape, ReadOnlySpan<long> buckets, int width, int elision, ref TTarget target)
        where TTarget : struct, IHistogramTarget
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        bool linear = shape.Kind == HistogramKind.Linear;
        int last = buckets.Length - 1;

        int low = -1, high = 0;
        long countMax = 0;
        for (int i = 0; i <= last; i++)
        {
            if (buckets[i] > 0)
            {
                low = low == -1 ? i : low;
                high = i;
            }

            countMax = Math.Max(countMax, buckets[i]);
        }

        // Two empty buckets of margin; a log table only grows below 0 when there is negative data.
        for (int i = 0; i < 2; i++)
        {
            if (low > 0 && (linear || low != HistogramShape.LogZeroBucket))
            {
                low--;
            }

            if (high < last)
            {
                high++;
            }
        }

        bool under = false, over = false;
        if (linear)
        {
            // Under- and overflow rows only when they hold something.
            if (low == 0 && buckets[0] == 0)
            {
                low++;
            }

            if (high == last && buckets[high] == 0)
            {
                high--;
            }

            under = low == 0;
            over = high == last;
        }

        long scale = countMax <= width ? 1 : (countMax + width - 1) / width;
        int countColumn = Digits(countMax);
        int valueColumn;
        if (linear)
        {
            // stap sizes the column from the label *after* the high bucket, in C int arithmetic.
            int afterHigh = unchecked(shape.Start + (shape.Interval * high));
            valueColumn = Math.Max(Digits(shape.Start) + (under ? 1 : 0), Digits(afterHigh) + (over ? 1 : 0));
        }
        else
        {
            valueColumn = Math.Max(Digits(HistogramShape.LogBucketLabel(high)), Digits(HistogramShape.LogBucketLabel(low)));
        }

        valueColumn = Math.Max(valueColumn, MinValueColumn);

        target.WriteRepeated((byte)' ', valueColumn - MinValueColumn);
        target.Write("value |"u8);
        target.WriteRepeated((byte)'-', width);
        target.Write(" count\n"u8);

        int reach = elision < 0 ? -1 : Math.Min(elision, buckets.Length);
        bool eliding = false;
        for (int i = low; i <= high; i++)
        {
            if (reach >= 0)
            {
                if (AllEmpty(buckets, Math.Max(low, i - reach), Math.Min(high, i + reach)))
                {
                    eliding = true;
                    continue;
                }

                if (eliding)
                {
                    target.WriteRepeated((byte)' ', valueColumn);
                    target.Write(" ~\n"u8);
                    eliding = false;
                }
            }

            WriteRow(shape, i, buckets[i], scale, width, valueColumn, countColumn, ref target);
        }

        target.Write("\n"u8);
    }

    private static void WriteRow<TTarget>(HistogramShape shape, int bucket, long count, long scale, int width, int valueColumn, int countColumn, ref TTarget target)
        where TTarget : struct, IHistogramTarget
    {
        ReadOnlySpan<byte> prefix = default;
        long label;
        if (shape.Kind == HistogramKind.Linear)
        {
            if (bucket == 0)
            {
                label = shape.Start;
                prefix = "<"u8;
            }
            else if (bucket == shape.BucketCount - 1)
            {
                label = shape.Start + ((long)(bucket - 2) * shape.Interval);
                prefix = ">"u8;
            }
            else
            {
                label = shape.Start + ((long)(bucket - 1) * shape.Interval);
            }
        }
        else
        {
            label = HistogramShape.LogBucketLabel(bucket);
        }

        Span<byte> digits = stackalloc byte[20];
        int labelLength = Format(label, digits);

        // printf("%*s%lld |", valueColumn - digits(label), prefix, label)
        target.WriteRepeated((byte)' ', valueColumn - labelLength - prefix.Length);
        target.Write(prefix);
        target.Write(digits[..labelLength]);
        target.Write(" |"u8);

        // Bars, then printf("%*lld\n", width - bars + 1 + countColumn, count)
        int bars = (int)(count / scale);
        target.WriteRepeated((byte)'@', bars);
        int countLength = Format(count, digits);
        target.WriteRepeated((byte)' ', width - bars + 1 + countColumn - countLength);
        target.Write(digits[..countLength]);
        target.Write("\n"u8);
    }

    private static bool AllEmpty(ReadOnlySpan<long> buckets, int from, int to)
    {
        for (int k = from; k <= to; k++)
        {
            if (buckets[k] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        return Format(value, digits);
    }

    private static int Format(long value, Span<byte> destination)
    {
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
