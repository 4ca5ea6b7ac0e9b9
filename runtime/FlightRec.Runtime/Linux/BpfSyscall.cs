using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// bpf(2) through syscall(2): glibc has no wrapper. The attribute block is a union; each command
/// reads its own prefix, and the kernel wants every byte past what it knows to be zero, so
/// callers pass a zeroed block of <see cref="AttributeSize"/> bytes.
/// </summary>
internal static unsafe partial class BpfSyscall
{
    public const int MapCreate = 0;
    public const int MapLookupElement = 1;
    public const int MapUpdateElement = 2;
    public const int ProgramLoad = 5;

    /// <summary>Larger than any prefix we fill; the kernel accepts a bigger block if the tail is zero.</summary>
    public const int AttributeSize = 128;

    private static readonly long Number = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 => 280,
        _ => -1,
    };

    /// <summary>The call's result (a descriptor or 0); -1 with errno set on failure.</summary>
    public static long Invoke(int command, byte* attributes)
    {
        if (Number < 0)
        {
            Marshal.SetLastPInvokeError(Errno.ENOSYS);
            return -1;
        }

        long result;
        do
        {
            result = syscall(Number, command, (nint)attributes, AttributeSize);
        }
        while (result < 0 && Errno.Last == Errno.EINTR);

        return result;
    }

    /// <summary>BPF_OBJ_NAME_LEN: map and program names, NUL included.</summary>
    public const int ObjectNameLength = 16;

    /// <summary>
    /// Writes a map or program name as the kernel accepts it: letters, digits, '_' and '.', at most
    /// 15 of them; anything else becomes '_' and the rest is cut (the name is for bpftool only).
    /// </summary>
    public static void WriteObjectName(string name, Span<byte> destination)
    {
        int length = 0;
        foreach (char c in name)
        {
            if (length == destination.Length - 1)
            {
                break;
            }

            destination[length++] = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? (byte)c : (byte)'_';
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long command, nint attributes, long size);
}
