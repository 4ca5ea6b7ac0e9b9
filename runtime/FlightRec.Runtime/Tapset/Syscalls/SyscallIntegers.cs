namespace FlightRec.Runtime.Tapset.Syscalls;

/// <summary>
/// stap's integer casts of aux_syscalls.stp (__short, __ushort, __int32, __uint32, __long,
/// __ulong): syscall tracepoint fields are 8 bytes wide whatever the C type, so an int argument
/// such as a file descriptor or AT_FDCWD arrives zero-extended and the tapset narrows it back.
/// </summary>
public static class SyscallIntegers
{
    public static long Short(long val) => (short)val;

    public static long UShort(long val) => (ushort)val;

    public static long Int32(long val) => (int)val;

    public static long UInt32(long val) => (uint)val;

    /// <summary>__long and __ulong change nothing on a 64-bit machine.</summary>
    public static long Long(long val) => val;
}
