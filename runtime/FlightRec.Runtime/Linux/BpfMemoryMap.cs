using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>mmap(2)/munmap(2) of a BPF map descriptor (the ring buffer's consumer, producer and data pages).</summary>
public static unsafe partial class BpfMemoryMap
{
    public const int PROT_READ = 0x1;
    public const int PROT_WRITE = 0x2;
    private const int MAP_SHARED = 0x1;
    private static readonly nint MapFailed = -1;

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="fd"/> at <paramref name="offset"/>, shared.</summary>
    public static byte* Map(int fd, long offset, long length, int protection)
    {
        nint address = mmap(0, (nuint)length, protection, MAP_SHARED, fd, (nint)offset);
        return address != MapFailed ? (byte*)address : throw Errno.LastError($"mmap of BPF map ({length} bytes at {offset})");
    }

    public static void Unmap(byte* address, long length) => _ = munmap((nint)address, (nuint)length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint address, nuint length);
}
