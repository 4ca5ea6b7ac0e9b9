namespace FlightRec.Runtime.Statistics;

/// <summary>
/// Renders a histogram into a script string of at most <c>limit</c> bytes, dropping the rest
/// as stap's snprintf into a MAXSTRINGLEN buffer does for <c>sprint(@hist_…(s))</c>.
/// </summary>
public struct BoundedTextTarget(int limit) : IHistogramTarget
{
    private char[] _chars = new char[Math.Min(limit, 1024)];
    private int _length;

    public readonly int Length => _length;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        int n = Reserve(bytes.Length);
        for (int i = 0; i < n; i++)
        {
            _chars[_length + i] = (char)bytes[i];
        }

        _length += n;
    }

    public void WriteRepeated(byte value, int count)
    {
        int n = Reserve(count);
        _chars.AsSpan(_length, n).Fill((char)value);
        _length += n;
    }

    public override readonly string ToString() => new(_chars, 0, _length);

    /// <summary>Room for up to <paramref name="count"/> more chars within the limit; returns how many fit.</summary>
    private int Reserve(int count)
    {
        int n = Math.Clamp(count, 0, limit - _length);
        if (_length + n > _chars.Length)
        {
            Array.Resize(ref _chars, (int)Math.Min(limit, Math.Max(_chars.Length * 2L, _length + n)));
        }

        return n;
    }
}
