using FlightRec.Runner.Output;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Consumer;

/// <summary>
/// Where records read from a session go: script output to the data output, message lines to
/// stderr. The transport stamps its own reports (losses, damage) with timestamp 0, which no
/// module message has (timestamps are CLOCK_MONOTONIC).
/// </summary>
internal sealed class ConsumerSink(IDataOutput output, MessagePrinter messages) : IRecordSink
{
    public void Data(int cpu, long timestamp, ReadOnlySpan<byte> payload) => output.Write(cpu, payload);

    public void Message(long timestamp, ReadOnlySpan<byte> line) => messages.Print(line, fromTransport: timestamp == 0);

    // The reader moves the shared read positions right after this: what it delivered must be
    // in the output file or pipe by then, so a consumer killed next loses nothing.
    public void Flush() => output.Flush();
}
