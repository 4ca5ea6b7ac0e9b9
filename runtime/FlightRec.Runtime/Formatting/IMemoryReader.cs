namespace FlightRec.Runtime.Formatting;

/// <summary>
/// Reads target memory for <c>%m</c> and <c>%M</c>. The host implements it over the traced
/// process; this library has none, so those conversions fault unless one is supplied.
/// </summary>
public interface IMemoryReader
{
    /// <summary>
    /// Copies the bytes at <paramref name="address"/> into <paramref name="destination"/> and
    /// returns how many were readable before the first fault (its length when all were).
    /// </summary>
    int Read(long address, Span<byte> destination);
}
