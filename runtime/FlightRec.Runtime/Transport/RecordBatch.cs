namespace FlightRec.Runtime.Transport;

/// <summary>
/// Records copied out of one ring: copying first and validating against the tail afterwards
/// is what makes reading a ring that is being overwritten safe. Storage is reused across
/// reads, so a steady-state consumer allocates nothing.
/// </summary>
internal sealed class RecordBatch
{
    private byte[] _payload = new byte[64 * 1024];
    private RecordEntry[] _entries = new RecordEntry[256];
    private int _payloadLength;

    public int Count { get; private set; }

    public long PayloadBytes => _payloadLength;

    public ref readonly RecordEntry this[int index] => ref _entries[index];

    public ReadOnlySpan<byte> Payload(in RecordEntry entry) => _payload.AsSpan(entry.PayloadStart, entry.Length);

    public void Clear()
    {
        Count = 0;
        _payloadLength = 0;
    }

    /// <summary>Drops the records copied from before <paramref name="tail"/>: the writer has reused their bytes.</summary>
    public int RemoveBefore(long tail)
    {
        int first = 0;
        while (first < Count && _entries[first].Position < tail)
        {
            first++;
        }

        if (first > 0)
        {
            Array.Copy(_entries, first, _entries, 0, Count - first);
            Count -= first;
        }

        return first;
    }

    public Span<byte> Add(long position, long size, ulong sequence, long timestamp, long stream, int length)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        if (_payloadLength + length > _payload.Length)
        {
            Array.Resize(ref _payload, Math.Max(_payload.Length * 2, _payloadLength + length));
        }

        _entries[Count++] = new RecordEntry(position, size, sequence, timestamp, stream, _payloadLength, length);
        var span = _payload.AsSpan(_payloadLength, length);
        _payloadLength += length;
        return span;
    }
}
