namespace FlightRec.Runtime.Context;

/// <summary>
/// The raw record of the tracepoint event being handled, exactly as the kernel wrote it (common
/// fields first, then the event's own at the format's offsets), with the layout to read it by.
/// A dispatch thread owns one and refills it per event, so handling an event allocates nothing
/// unless the script asks for a string.
/// </summary>
public sealed class TracepointEvent
{
    private byte[] _buffer = new byte[256];

    public ReadOnlySpan<byte> Record => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    public TracepointEventLayout? Layout { get; private set; }

    public void Load(ReadOnlySpan<byte> record, TracepointEventLayout layout)
    {
        if (record.Length > _buffer.Length)
        {
            // Grows to the largest record seen, then stays: amortised, not per event.
            _buffer = new byte[Math.Max(record.Length, _buffer.Length * 2)];
        }

        record.CopyTo(_buffer);
        Length = record.Length;
        Layout = layout;
    }
}
