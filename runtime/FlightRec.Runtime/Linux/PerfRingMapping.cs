using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// mmap(2)/munmap(2) of a perf ring: one metadata page (struct perf_event_mmap_page) followed by
/// 2^n data pages. Mapped writable so the reader can move data_tail: the kernel then never
/// overwrites unread records and reports what did not fit as PERF_RECORD_LOST.
/// </summary>
public static unsafe partial class PerfRingMapping
{
    private const int PROT_READ = 0x1;
    private const int PROT_WRITE = 0x2;
    private const int MAP_SHARED = 0x1;

    public static int PageSize => Environment.SystemPageSize;

    /// <summary>Maps the ring of <paramref name="fd"/> with <paramref name="dataPages"/> (a power of two) data pages.</summary>
    public static byte* Map(int fd, int dataPages)
    {
        if (dataPages < 1 || (dataPages & (dataPages - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dataPages), dataPages, "a perf ring needs a power of two of data pages");
        }

        nuint length = Length(dataPages);
        void* address = mmap(null, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        return address != (void*)-1 ? (byte*)address : throw PerfEventOpen.Error("mmap perf ring", Errno.Last);
    }

    public static void Unmap(byte* address, int dataPages) => _ = munmap(address, Length(dataPages));

    public static nuint Length(int dataPages) => (nuint)(dataPages + 1) * (nuint)PageSize;

    [LibraryImport("libc", SetLastError = true)]
    private static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(void* address, nuint length);
}
