using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Output;

/// <summary>
/// The per-handler print buffer (STP_BUFFER_SIZE, 8 KiB): the print family appends bytes,
/// and the handler's output is committed to the sink as one unit when it ends, when the
/// buffer fills, or when a histogram is printed. Appending allocates nothing.
/// </summary>
public sealed class OutputBuffer(IOutputSink sink, int capacity = 8192)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _length;

    public int Capacity => _buffer.Length;

    public int Length => _length;

    public ReadOnlySpan<byte> Pending => _buffer.AsSpan(0, _length);

    /// <summary>Space for at least <paramref name="size"/> bytes (at most Capacity), flushing first if needed.</summary>
    public Span<byte> GetSpan(int size)
    {
        size = Math.Min(size, _buffer.Length);
        if (_buffer.Length - _length < size)
        {
            Flush();
        }

        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _length += count;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var span = GetSpan(bytes.Length);
            int n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            Advance(n);
            bytes = bytes[n..];
        }
    }

    /// <summary>Appends a script string: one byte per char.</summary>
    public void Append(string s)
    {
        var rest = s.AsSpan();
        while (!rest.IsEmpty)
        {
            var span = GetSpan(rest.Length);
            int n = Math.Min(span.Length, rest.Length);
            for (int i = 0; i < n; i++)
            {
                span[i] = (byte)rest[i];
            }

            Advance(n);
            rest = rest[n..];
        }
    }

    public void Append(byte b)
    {
        GetSpan(1)[0] = b;
        _length++;
    }

    public void Flush()
    {
        if (_length > 0)
        {
            sink.Commit(_buffer.AsSpan(0, _length));
            _length = 0;
        }
    }
}
