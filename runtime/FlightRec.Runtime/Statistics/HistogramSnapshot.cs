using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Statistics;

/// <summary>
/// A stats value's merged histogram at the time it was read: what <c>foreach (b in
/// @hist_…(s))</c> iterates (every bucket index in order, empty ones included) and what
/// <c>print</c>/<c>sprint</c> of a histogram render.
/// </summary>
public sealed class HistogramSnapshot
{
    private readonly long[] _buckets;

    internal HistogramSnapshot(HistogramShape shape, long count, long[] buckets)
    {
        Shape = shape;
        Count = count;
        _buckets = buckets;
    }

    public HistogramShape Shape { get; }

    /// <summary>Samples in the stats value (0: printing raises <c>empty aggregate</c>).</summary>
    public long Count { get; }

    public int BucketCount => _buckets.Length;

    /// <summary>A bucket's count, for foreach; index checks for <c>@hist_…(s)[i]</c> are <see cref="StatsValue.Bucket"/>'s.</summary>
    public long this[int bucket] => _buckets[bucket];

    public ReadOnlySpan<long> Buckets => _buckets;

    /// <summary>
    /// <c>print(@hist_…(s))</c> and <c>println(…)</c> (which adds no newline): the table goes into
    /// the handler's buffer, which is then flushed, as stap flushes after a histogram.
    /// </summary>
    public void Print(OutputBuffer output, ScriptLimits limits, string? near = null)
    {
        var target = new OutputBufferTarget(output);
        Render(limits, near, ref target);
        output.Flush();
    }

    /// <summary><c>sprint(@hist_…(s))</c>: the table truncated to MAXSTRINGLEN − 1 bytes.</summary>
    public string ToScriptString(ScriptLimits limits, string? near = null)
    {
        var target = new BoundedTextTarget(limits.MaxStringLength - 1);
        Render(limits, near, ref target);
        return target.ToString();
    }

    /// <summary>The whole table, untruncated (for tests and tools).</summary>
    public string Render(ScriptLimits limits, string? near = null)
    {
        var target = new BoundedTextTarget(int.MaxValue);
        Render(limits, near, ref target);
        return target.ToString();
    }

    private void Render<TTarget>(ScriptLimits limits, string? near, ref TTarget target)
        where TTarget : struct, IHistogramTarget
    {
        if (Shape.Kind == HistogramKind.None)
        {
            throw new InvalidOperationException("this stats value keeps no histogram");
        }

        if (Count == 0)
        {
            throw StatsErrors.EmptyAggregate(near);
        }

        HistogramPrinter.Render(Shape, _buckets, limits.HistogramWidth, limits.HistogramElision, ref target);
    }
}
