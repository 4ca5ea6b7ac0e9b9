using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>open/close/read/write/dup2 on raw descriptors (eventfd, timerfd, /dev/null).</summary>
public static partial class FileDescriptors
{
    public const int O_RDWR = 0x2;
    public const int O_CLOEXEC = 0x80000;

    public static int OpenReadWrite(string path)
    {
        int fd = open(path, O_RDWR | O_CLOEXEC);
        return fd >= 0 ? fd : throw Errno.LastError($"open {path}");
    }

    public static void Close(int fd) => _ = close(fd);

    public static void Duplicate(int from, int to)
    {
        while (dup2(from, to) < 0)
        {
            if (Errno.Last != Errno.EINTR)
            {
                throw Errno.LastError("dup2");
            }
        }
    }

    /// <summary>Reads one 8-byte counter (eventfd, timerfd); false when nothing is pending (EAGAIN).</summary>
    public static unsafe bool TryReadCounter(int fd, out ulong value)
    {
        ulong v = 0;
        while (true)
        {
            nint n = read(fd, &v, 8);
            if (n == 8)
            {
                value = v;
                return true;
            }

            int errno = Errno.Last;
            if (n < 0 && errno == Errno.EINTR)
            {
                continue;
            }

            value = 0;
            if (n < 0 && errno == Errno.EAGAIN)
            {
                return false;
            }

            throw Errno.Error("read", errno);
        }
    }

    /// <summary>Writes one 8-byte counter (eventfd); a full counter (EAGAIN) already wakes the reader.</summary>
    public static unsafe void WriteCounter(int fd, ulong value)
    {
        while (write(fd, &value, 8) < 0)
        {
            int errno = Errno.Last;
            if (errno == Errno.EAGAIN)
            {
                return;
            }

            if (errno != Errno.EINTR)
            {
                throw Errno.Error("write", errno);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldfd, int newfd);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int fd, void* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, void* buffer, nint count);
}
