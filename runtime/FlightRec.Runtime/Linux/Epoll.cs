using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// epoll(7). struct epoll_event is packed to 12 bytes on x86-64 and 16 bytes elsewhere, so
/// events are read from a raw buffer (<see cref="EpollEvents"/>) at the architecture's offsets.
/// </summary>
public static partial class Epoll
{
    public const uint EPOLLIN = 0x1;
    public const uint EPOLLERR = 0x8;
    public const uint EPOLLHUP = 0x10;

    private const int EPOLL_CLOEXEC = 0x80000;
    private const int EPOLL_CTL_ADD = 1;
    private const int EPOLL_CTL_DEL = 2;

    internal static readonly bool Packed = RuntimeInformation.ProcessArchitecture == Architecture.X64;

    internal static int EventSize => Packed ? 12 : 16;

    internal static int DataOffset => Packed ? 4 : 8;

    public static int Create()
    {
        int fd = epoll_create1(EPOLL_CLOEXEC);
        return fd >= 0 ? fd : throw Errno.LastError("epoll_create1");
    }

    /// <summary>Watches <paramref name="fd"/> for <paramref name="events"/>; <paramref name="data"/> comes back with each event.</summary>
    public static unsafe void Add(int epfd, int fd, uint events, ulong data)
    {
        byte* ev = stackalloc byte[16];
        *(uint*)ev = events;
        *(ulong*)(ev + DataOffset) = data;
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, ev) < 0)
        {
            throw Errno.LastError("epoll_ctl");
        }
    }

    public static unsafe void Remove(int epfd, int fd)
    {
        byte* ev = stackalloc byte[16];
        _ = epoll_ctl(epfd, EPOLL_CTL_DEL, fd, ev);
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> (-1: forever); the number of ready events, 0 on timeout or EINTR.</summary>
    public static unsafe int Wait(int epfd, EpollEvents events, int timeoutMs)
    {
        fixed (byte* buffer = events.Buffer)
        {
            int n = epoll_wait(epfd, buffer, events.Capacity, timeoutMs);
            if (n >= 0)
            {
                return n;
            }
        }

        int errno = Errno.Last;
        return errno == Errno.EINTR ? 0 : throw Errno.Error("epoll_wait", errno);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);
}
