using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>eventfd(2): a counter another thread writes to wake an epoll_wait.</summary>
public static partial class EventFd
{
    private const int EFD_CLOEXEC = 0x80000;
    private const int EFD_NONBLOCK = 0x800;

    public static int Create()
    {
        int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        return fd >= 0 ? fd : throw Errno.LastError("eventfd");
    }

    public static void Signal(int fd) => FileDescriptors.WriteCounter(fd, 1);

    /// <summary>Clears the counter; true if it had been signalled.</summary>
    public static bool Drain(int fd) => FileDescriptors.TryReadCounter(fd, out _);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initval, int flags);
}
