using System.Runtime.CompilerServices;

namespace FlightRec.Runtime.Formatting;

/// <summary>
/// The output window of one printf/sprintf: bytes past its end are dropped, as stap's
/// <c>str &lt;= end</c> guards drop them, and <see cref="Overflowed"/> records that the
/// result was cut short or a width/precision was clamped, so that a printf can flush the
/// handler buffer and format again into a fresh one.
/// </summary>
internal ref struct FormatWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _position;

    public readonly int Position => _position;

    /// <summary>Bytes left before the end: stap's <c>end - str + 1</c>.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    public bool Overflowed { get; private set; }

    public readonly Span<byte> Free => _buffer[_position..];

    /// <summary>A width or precision limited to the space left, as the compiled printf does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Clamp(int requested)
    {
        int remaining = Remaining;
        if (requested > remaining)
        {
            Overflowed = true;
            return remaining;
        }

        return Math.Max(requested, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(byte value)
    {
        if (_position < _buffer.Length)
        {
            _buffer[_position++] = value;
        }
        else
        {
            Overflowed = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Fill(byte value, int count)
    {
        if (count <= 0)
        {
            return;
        }

        int n = Math.Min(count, Remaining);
        _buffer.Slice(_position, n).Fill(value);
        _position += n;
        if (n < count)
        {
            Overflowed = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, Remaining);
        bytes[..n].CopyTo(_buffer[_position..]);
        _position += n;
        if (n < bytes.Length)
        {
            Overflowed = true;
        }
    }

    /// <summary>Writes script-string chars as bytes (one char per byte).</summary>
    public void WriteChars(scoped ReadOnlySpan<char> chars)
    {
        int n = Math.Min(chars.Length, Remaining);
        var source = chars[..n];
        var target = _buffer.Slice(_position, n);
        if (n > 16)
        {
            // Vectorised narrowing; script strings hold only chars below 256, so nothing is replaced.
            System.Text.Encoding.Latin1.GetBytes(source, target);
        }
        else
        {
            for (int i = 0; i < source.Length; i++)
            {
                target[i] = (byte)source[i];
            }
        }

        _position += n;
        if (n < chars.Length)
        {
            Overflowed = true;
        }
    }

    /// <summary>Records bytes written directly into <see cref="Free"/>.</summary>
    public void Advance(int count) => _position += count;

    /// <summary>Marks output that did not fit although nothing was dropped byte by byte.</summary>
    public void MarkOverflow() => Overflowed = true;
}
