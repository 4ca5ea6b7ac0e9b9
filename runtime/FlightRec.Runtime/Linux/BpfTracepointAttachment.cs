using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// Runs a tracepoint BPF program on every hit of one tracepoint: a counting perf event
/// (PERF_TYPE_TRACEPOINT, config = the tracefs id) with the program set by
/// PERF_EVENT_IOC_SET_BPF, then enabled. The kernel hangs the program on the tracepoint
/// itself, not on the perf event's CPU, so one event for all processes, opened on CPU 0 (or
/// the first online CPU), runs the program on every CPU. Disposing closes the event, which
/// detaches the program.
/// This is a private perf_event_open binding for the BPF layer; the perf ring provider has its own.
/// </summary>
public sealed unsafe partial class BpfTracepointAttachment : IDisposable
{
    private const uint PERF_TYPE_TRACEPOINT = 2;
    private const int PerfAttrSizeVersion0 = 64; // PERF_ATTR_SIZE_VER0: every field we set is in it
    private const ulong FlagDisabled = 1; // perf_event_attr.disabled, bit 0 of the flags word
    private const ulong PERF_FLAG_FD_CLOEXEC = 8;
    private const int ENODEV = 19;
    private const ulong PERF_EVENT_IOC_ENABLE = 0x2400;
    private const ulong PERF_EVENT_IOC_SET_BPF = 0x40042408; // _IOW('$', 8, __u32)

    private static readonly long PerfEventOpenNumber = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.Arm64 => 241,
        _ => -1,
    };

    private int _fd;

    private BpfTracepointAttachment(int fd) => _fd = fd;

    public int FileDescriptor => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(BpfTracepointAttachment));

    /// <summary>Attaches <paramref name="program"/> to the tracepoint whose tracefs id is <paramref name="tracepointId"/>.</summary>
    public static BpfTracepointAttachment Attach(int tracepointId, BpfProgram program)
    {
        int fd = OpenTracepointEvent(tracepointId);
        try
        {
            if (ioctl(fd, PERF_EVENT_IOC_SET_BPF, program.FileDescriptor) < 0)
            {
                throw Errno.LastError($"ioctl(PERF_EVENT_IOC_SET_BPF) for tracepoint {tracepointId}");
            }

            if (ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0)
            {
                throw Errno.LastError($"ioctl(PERF_EVENT_IOC_ENABLE) for tracepoint {tracepointId}");
            }

            return new BpfTracepointAttachment(fd);
        }
        catch
        {
            FileDescriptors.Close(fd);
            throw;
        }
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            FileDescriptors.Close(fd);
        }
    }

    private static int OpenTracepointEvent(int tracepointId)
    {
        if (PerfEventOpenNumber < 0)
        {
            throw Errno.Error("perf_event_open", Errno.ENOSYS);
        }

        byte* attr = stackalloc byte[PerfAttrSizeVersion0];
        new Span<byte>(attr, PerfAttrSizeVersion0).Clear();
        *(uint*)(attr + 0) = PERF_TYPE_TRACEPOINT;
        *(uint*)(attr + 4) = PerfAttrSizeVersion0;
        *(ulong*)(attr + 8) = (ulong)tracepointId;
        *(ulong*)(attr + 16) = 1; // sample_period: counting; no ring is mapped, so nothing is sampled
        *(ulong*)(attr + 40) = FlagDisabled;
        // pid -1 (every process) needs a CPU; the program runs on all CPUs regardless, so
        // the first CPU that is online (ENODEV otherwise) will do.
        int cpu = 0;
        while (true)
        {
            long fd = syscall(PerfEventOpenNumber, (nint)attr, -1, cpu, -1, (long)PERF_FLAG_FD_CLOEXEC);
            if (fd >= 0)
            {
                return (int)fd;
            }

            int errno = Errno.Last;
            if (errno == ENODEV && cpu + 1 < BpfPossibleCpus.Count)
            {
                cpu++;
            }
            else if (errno != Errno.EINTR)
            {
                throw Errno.Error($"perf_event_open(PERF_TYPE_TRACEPOINT {tracepointId})", errno);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, nint attr, long pid, long cpu, long groupFd, long flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, ulong request, nint argument);
}
