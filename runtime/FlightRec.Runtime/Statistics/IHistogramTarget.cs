namespace FlightRec.Runtime.Statistics;

/// <summary>Where <see cref="HistogramPrinter"/> writes its bytes; a struct so the printer is specialised per target.</summary>
public interface IHistogramTarget
{
    void Write(ReadOnlySpan<byte> bytes);

    void WriteRepeated(byte value, int count);
}
