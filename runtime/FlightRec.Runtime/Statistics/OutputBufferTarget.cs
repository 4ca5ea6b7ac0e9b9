using FlightRec.Runtime.Output;

namespace FlightRec.Runtime.Statistics;

/// <summary>Prints a histogram into a handler's output buffer (which flushes itself when it fills).</summary>
public readonly struct OutputBufferTarget(OutputBuffer output) : IHistogramTarget
{
    public void Write(ReadOnlySpan<byte> bytes) => output.Append(bytes);

    public void WriteRepeated(byte value, int count)
    {
        while (count > 0)
        {
            var span = output.GetSpan(count);
            int n = Math.Min(span.Length, count);
            span[..n].Fill(value);
            output.Advance(n);
            count -= n;
        }
    }
}
