namespace FlightRec.Runtime.Linux;

/// <summary>A reusable buffer for <see cref="Epoll.Wait"/>: waiting allocates nothing.</summary>
public sealed class EpollEvents(int capacity)
{
    internal byte[] Buffer { get; } = new byte[capacity * Epoll.EventSize];

    public int Capacity { get; } = capacity;

    public uint Events(int index) => BitConverter.ToUInt32(Buffer, index * Epoll.EventSize);

    public ulong Data(int index) => BitConverter.ToUInt64(Buffer, (index * Epoll.EventSize) + Epoll.DataOffset);
}
