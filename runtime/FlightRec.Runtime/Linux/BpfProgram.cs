using System.Text;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// A loaded, verified BPF program (BPF_PROG_LOAD). Loading is tried once without a log, which
/// is cheaper; a rejected program is loaded again with a log so the exception can say why.
/// </summary>
public sealed unsafe class BpfProgram : IDisposable
{
    private const int InitialLogBytes = 64 * 1024;
    private const int MaximumLogBytes = 16 * 1024 * 1024;
    private const int ENOSPC = 28;

    private int _fd;

    private BpfProgram(int fd, string name)
    {
        _fd = fd;
        Name = name;
    }

    public int FileDescriptor => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(BpfProgram));

    public string Name { get; }

    /// <summary>
    /// Loads <paramref name="instructions"/>. <paramref name="license"/> must be GPL-compatible
    /// for GPL-only helpers such as bpf_probe_read_user_str. Throws
    /// <see cref="BpfVerifierException"/> when the kernel rejects the program.
    /// </summary>
    public static BpfProgram Load(BpfProgramType type, ReadOnlySpan<BpfInstruction> instructions, string license, string name)
    {
        ArgumentOutOfRangeException.ThrowIfZero(instructions.Length);
        byte[] licenseBytes = Encoding.ASCII.GetBytes(license + "\0");
        long fd = TryLoad(type, instructions, licenseBytes, name, Span<byte>.Empty);
        if (fd >= 0)
        {
            return new BpfProgram((int)fd, name);
        }

        int errno = Errno.Last;
        for (int logBytes = InitialLogBytes; ; logBytes *= 4)
        {
            byte[] log = new byte[logBytes];
            fd = TryLoad(type, instructions, licenseBytes, name, log);
            if (fd >= 0)
            {
                // Rejected without a log, accepted with one: rare (a transient failure); keep it.
                return new BpfProgram((int)fd, name);
            }

            int retryErrno = Errno.Last;
            if (retryErrno == ENOSPC && logBytes < MaximumLogBytes)
            {
                continue;
            }

            throw new BpfVerifierException(name, retryErrno == ENOSPC ? errno : retryErrno, LogText(log));
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

    private static long TryLoad(BpfProgramType type, ReadOnlySpan<BpfInstruction> instructions, byte[] license, string name, Span<byte> log)
    {
        byte* attr = stackalloc byte[BpfSyscall.AttributeSize];
        new Span<byte>(attr, BpfSyscall.AttributeSize).Clear();
        fixed (BpfInstruction* insns = instructions)
        fixed (byte* lic = license)
        fixed (byte* logBuffer = log)
        {
            *(uint*)(attr + 0) = (uint)type;
            *(uint*)(attr + 4) = (uint)instructions.Length;
            *(ulong*)(attr + 8) = (ulong)insns;
            *(ulong*)(attr + 16) = (ulong)lic;
            *(uint*)(attr + 24) = log.IsEmpty ? 0u : 1u; // log_level 1: the failing path, instruction by instruction
            *(uint*)(attr + 28) = (uint)log.Length;
            *(ulong*)(attr + 32) = (ulong)logBuffer;
            BpfSyscall.WriteObjectName(name, new Span<byte>(attr + 48, BpfSyscall.ObjectNameLength));
            return BpfSyscall.Invoke(BpfSyscall.ProgramLoad, attr);
        }
    }

    private static string LogText(byte[] log)
    {
        int end = Array.IndexOf(log, (byte)0);
        return Encoding.UTF8.GetString(log, 0, end < 0 ? log.Length : end).TrimEnd();
    }
}
