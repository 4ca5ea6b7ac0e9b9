using FlightRec.Runtime.Transport;

namespace FlightRec.Benchmarks.Transport;

/// <summary>
/// A consumer's output path without the terminal: payloads and message lines are copied into
/// a 64 KiB buffer that is written to Stream.Null when full. Counts the data payload bytes.
/// </summary>
internal sealed class CopyingRecordSink : IRecordSink
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public long Bytes { get; private set; }

    public void Data(int cpu, long timestamp, ReadOnlySpan<byte> payload)
    {
        Copy(payload);
        Bytes += payload.Length;
    }

    public void Message(long timestamp, ReadOnlySpan<byte> line) => Copy(line);

    /// <summary>What a console sink does before the read positions move: hand everything buffered over.</summary>
    public void Flush()
    {
        Stream.Null.Write(_buffer, 0, _used);
        _used = 0;
    }

    private void Copy(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length)
        {
            Stream.Null.Write(_buffer, 0, _used);
            _used = 0;
        }

        if (bytes.Length > _buffer.Length)
        {
            Stream.Null.Write(bytes);
        }
        else
        {
            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }
    }
}
