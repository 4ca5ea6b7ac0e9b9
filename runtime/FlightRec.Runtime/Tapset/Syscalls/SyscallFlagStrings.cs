using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using static FlightRec.Runtime.Tapset.Syscalls.SyscallFlagTables;

namespace FlightRec.Runtime.Tapset.Syscalls;

/// <summary>
/// The pure formatting functions of stap's syscall tapset (aux_syscalls.stp), named in the
/// comments by their tapset names, which FlightRec's tapset/linux/syscalls*.frs call. Each
/// truncates its argument the way stap's C does (to int or unsigned int) before looking it up.
/// </summary>
public static class SyscallFlagStrings
{
    /// <summary>_sys_open_flag_str: the access mode (O_RDONLY when the mode bits are 3), then the other flags.</summary>
    public static string OpenFlags(long f)
    {
        int flags = (int)f;
        string access = (flags & OpenAccessMode) switch
        {
            1 => "O_WRONLY",
            2 => "O_RDWR",
            _ => "O_RDONLY",
        };
        flags &= ~(int)OpenAccessMode;
        return flags == 0 ? access : access + "|" + OpenModeFlags.LookupOr(flags);
    }

    /// <summary>_access_mode_str: F_OK for 0, else R_OK|W_OK|X_OK.</summary>
    public static string AccessMode(long mode) => AccessModes.LookupOr((uint)mode);

    /// <summary>_faccessat2_flags_str.</summary>
    public static string Faccessat2FlagsStr(long flags) => Faccessat2Flags.LookupOr((uint)flags);

    /// <summary>_sys_pipe2_flag_str.</summary>
    public static string Pipe2FlagsStr(long f) => Pipe2Flags.LookupOr((uint)f);

    /// <summary>_dup3_flag_str: the open flags list, without the access mode.</summary>
    public static string Dup3Flags(long f) => OpenModeFlags.LookupOr((uint)f);

    /// <summary>_mprotect_prot_str: PROT_NONE for 0.</summary>
    public static string MprotectProt(long prot) => ProtFlags.LookupOr(prot);

    /// <summary>
    /// _mmap_flags: a huge page size in bits 26-31 comes first as MAP_HUGE_2MB etc. (always
    /// followed by "|" and the rest, "0x0" if nothing is left), then the MAP_ flags.
    /// </summary>
    public static string MmapFlagsStr(long flags)
    {
        const int hugeShift = 26;
        const long hugeMask = 0x3f;
        int huge = (int)((flags >> hugeShift) & hugeMask);
        flags &= ~(hugeMask << hugeShift);
        if (huge == 0)
        {
            return MmapFlags.LookupOr(flags);
        }

        string suffix = "";
        foreach (var (limit, unit) in (ReadOnlySpan<(int, string)>)[(60, "EB"), (50, "PB"), (40, "TB"), (30, "GB"), (20, "MB"), (10, "KB")])
        {
            if (huge >= limit)
            {
                huge -= limit;
                suffix = unit;
                break;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"MAP_HUGE_{1L << huge}{suffix}|") + MmapFlags.LookupOr(flags);
    }

    /// <summary>_dfd_str: AT_FDCWD for -100, else the number.</summary>
    public static string DfdStr(long d) => d == AtFdCwd ? "AT_FDCWD" : d.ToString(CultureInfo.InvariantCulture);

    /// <summary>_fcntl_cmd_str.</summary>
    public static string FcntlCmd(long cmd) => FcntlCommands.Lookup((uint)cmd);

    /// <summary>_seek_whence_str.</summary>
    public static string SeekWhenceStr(long w) => SeekWhence.Lookup((uint)w);

    /// <summary>_sock_family_str.</summary>
    public static string SockFamily(long f) => SocketFamilies.Lookup((uint)f);

    /// <summary>
    /// _sock_type_str: the type (low 4 bits) by name, then SOCK_CLOEXEC and SOCK_NONBLOCK, then
    /// any unknown type and flag bits together as one "0x%x".
    /// </summary>
    public static string SockType(long type)
    {
        int flags = (int)type & ~SocketTypeMask;
        int t = (int)type & SocketTypeMask;
        var text = new StringBuilder();
        if (SocketTypes.TryLookup(t, out string? named))
        {
            text.Append(named);
            t = 0;
        }

        foreach (int flag in (ReadOnlySpan<int>)[SocketCloexec, SocketNonblock])
        {
            if ((flags & flag) != 0)
            {
                AppendPart(text, SocketFlags.Lookup(flag));
                flags &= ~flag;
            }
        }

        t |= flags;
        if (t != 0 || text.Length == 0)
        {
            AppendPart(text, "0x" + ((uint)t).ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>_sock_flags_str (accept4).</summary>
    public static string SockFlags(long f) => SocketFlags.LookupOr((uint)f);

    /// <summary>_sock_protocol_str: IPPROTO_ names for PF_INET and PF_INET6, else the number.</summary>
    public static string SockProtocol(long family, long protocol)
    {
        const long pfInet = 2, pfInet6 = 10;
        if (family is pfInet or pfInet6)
        {
            if (IpProtocols.TryLookup(protocol, out string? named))
            {
                return named;
            }
        }

        return protocol.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>_shutdown_how_str.</summary>
    public static string ShutdownHow(long how) => ShutdownHows.Lookup((uint)how);

    /// <summary>_madvice_advice_str.</summary>
    public static string MadviseAdviceStr(long behavior) => MadviseAdvice.Lookup((uint)behavior);

    /// <summary>_statx_mask_str: the mask truncated to int, looked up as stap does (usually printed in hex).</summary>
    public static string StatxMask(long cmd) => StatxMaskNames.Lookup((int)cmd);

    /// <summary>_msg_flags_str: MSG_CMSG_COMPAT is ignored.</summary>
    public static string MsgFlagsStr(long flags) => MsgFlags.LookupOr(flags & ~MsgCmsgCompat);

    /// <summary>_futex_op_str.</summary>
    public static string FutexOp(long op) => FutexOps.Lookup((uint)op);

    /// <summary>_signal_name: "SIGKILL", "SIG_0", or hex for unknown numbers.</summary>
    public static string SignalName(long sig) => Signals.Lookup((uint)sig);

    /// <summary>_sigprocmask_how_str.</summary>
    public static string SigprocmaskHow(long how) => SigprocmaskHows.Lookup(how);

    /// <summary>_stp_sigmask_str: the signals of a 64-bit mask (bit N-1 for signal N) as "[SIGINT|SIGTERM]", or "[EMPTY]".</summary>
    public static string SigmaskStr(long sigmask)
    {
        var text = new StringBuilder();
        foreach (var (value, name) in Signals.Entries)
        {
            if (value > 0 && value <= SignalCount && ((ulong)sigmask & (1UL << (int)(value - 1))) != 0)
            {
                text.Append(text.Length == 0 ? '[' : '|').Append(name);
            }
        }

        return text.Length == 0 ? "[EMPTY]" : text.Append(']').ToString();
    }

    /// <summary>
    /// The text of a struct sigaction as stap's _struct_sigaction_u prints it (the fields come
    /// from the tapset, which reads the struct): "SIG_DFL" or "SIG_IGN" alone, else
    /// "HANDLER, FLAGS, RESTORER, [SIGNALS]" (no restorer on arm64, as stap on that architecture).
    /// </summary>
    public static string SigactionStr(long handler, long flags, long restorer, long mask)
    {
        string text = SignalHandlers.Lookup(handler);
        if (handler is 0 or 1)
        {
            return text;
        }

        text += ", " + SigactionFlags.LookupOr(flags) + ", ";
        if (RuntimeInformation.OSArchitecture != Architecture.Arm64)
        {
            text += SyscallValueTable.Number(restorer, 16) + ", ";
        }

        return text + SigmaskStr(mask);
    }

    /// <summary>__fork_flags: the CLONE_ flags, then "|" and the termination signal of the low byte if any.</summary>
    public static string ForkFlags(long flags)
    {
        string text = CloneFlags.LookupOr(flags & ~0xffL);
        long signal = flags & 0xff;
        return signal == 0 ? text : text + "|" + Signals.Lookup(signal);
    }

    /// <summary>_at_flag_str.</summary>
    public static string AtFlagsStr(long f) => AtFlags.LookupOr(f);

    /// <summary>_wait4_opt_str.</summary>
    public static string Wait4Options(long f) => WaitOptions.LookupOr((uint)f);

    /// <summary>_getrandom_flags_str.</summary>
    public static string GetrandomFlagsStr(long flag) => GetrandomFlags.LookupOr((uint)flag);

    /// <summary>_renameat2_flags_str.</summary>
    public static string Renameat2FlagsStr(long flags) => Renameat2Flags.LookupOr((uint)flags);

    /// <summary>_get_wc_str: the clock id.</summary>
    public static string ClockId(long wc) => Clocks.Lookup((uint)wc);

    /// <summary>_stp_clock_nanosleep_flags_str.</summary>
    public static string ClockNanosleepFlagsStr(long flags) => ClockNanosleepFlags.Lookup((uint)flags);

    /// <summary>_opoll_op_str: the epoll_ctl operation.</summary>
    public static string EpollCtlOp(long o) => EpollCtlOps.Lookup((uint)o);

    private static void AppendPart(StringBuilder text, string part)
    {
        if (text.Length > 0)
        {
            text.Append('|');
        }

        text.Append(part);
    }
}
