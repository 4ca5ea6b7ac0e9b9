using System.ComponentModel;
using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// perf_event_open(2) and the perf ioctls. glibc has no wrapper for the call, so it goes through
/// syscall(2) with the architecture's number. Failures throw a <see cref="Win32Exception"/> whose
/// message names the call, strerror and the errno symbol, e.g. "perf_event_open: Permission denied (EACCES)".
/// </summary>
public static partial class PerfEventOpen
{
    /// <summary>PERF_FLAG_FD_CLOEXEC: the descriptors must not leak into processes frrun starts.</summary>
    private const nuint FlagFdCloexec = 8;

    private const nuint IocEnable = 0x2400; // _IO('$', 0)
    private const nuint IocDisable = 0x2401; // _IO('$', 1)
    private const nuint IocSetOutput = 0x2405; // _IO('$', 5)
    private const nuint IocId = 0x80082407; // _IOR('$', 7, __u64 *)
    private const nuint IocSetBpf = 0x40042408; // _IOW('$', 8, __u32)

    /// <summary>SYS_perf_event_open for the running architecture (the generic table's 241 on arm64 and riscv64).</summary>
    public static int SyscallNumber => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.X86 => 336,
        Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => 241,
        Architecture.Arm => 364,
        var other => throw new PlatformNotSupportedException($"perf_event_open: no syscall number known for {other}"),
    };

    /// <summary>
    /// Opens one event: <paramref name="pid"/> -1 with a CPU for all tasks on that CPU, or a task id
    /// (with <paramref name="cpu"/> -1 for any CPU). <see cref="PerfEventAttr.Size"/> is set here.
    /// </summary>
    public static unsafe int Open(ref PerfEventAttr attr, int pid, int cpu, int groupFd = -1)
    {
        attr.Size = PerfEventAttr.SizeVersion8;
        fixed (PerfEventAttr* pointer = &attr)
        {
            nint fd = syscall(SyscallNumber, pointer, pid, cpu, groupFd, FlagFdCloexec);
            return fd >= 0 ? (int)fd : throw Error("perf_event_open", Errno.Last);
        }
    }

    public static void Enable(int fd) => Control(fd, IocEnable, 0, "PERF_EVENT_IOC_ENABLE");

    public static void Disable(int fd) => Control(fd, IocDisable, 0, "PERF_EVENT_IOC_DISABLE");

    /// <summary>Sends <paramref name="fd"/>'s records to the ring mapped on <paramref name="ringFd"/> (same CPU).</summary>
    public static void SetOutput(int fd, int ringFd) => Control(fd, IocSetOutput, (nuint)ringFd, "PERF_EVENT_IOC_SET_OUTPUT");

    /// <summary>Attaches a loaded BPF program to a tracepoint or kprobe event.</summary>
    public static void SetBpf(int fd, int programFd) => Control(fd, IocSetBpf, (nuint)programFd, "PERF_EVENT_IOC_SET_BPF");

    /// <summary>The kernel's id of the event: what PERF_SAMPLE_IDENTIFIER and PERF_RECORD_LOST carry.</summary>
    public static unsafe ulong Id(int fd)
    {
        ulong id = 0;
        Control(fd, IocId, (nuint)(&id), "PERF_EVENT_IOC_ID");
        return id;
    }

    /// <summary>An exception for a failed perf call: "call: strerror (ESYMBOL)".</summary>
    public static Win32Exception Error(string call, int errno) => new(errno, $"{call}: {Errno.Describe(errno)} ({PerfErrno.Name(errno)})");

    private static void Control(int fd, nuint request, nuint argument, string name)
    {
        if (ioctl(fd, request, argument) < 0)
        {
            throw Error(name, Errno.Last);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint syscall(nint number, PerfEventAttr* attr, nint pid, nint cpu, nint groupFd, nuint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, nuint argument);
}
