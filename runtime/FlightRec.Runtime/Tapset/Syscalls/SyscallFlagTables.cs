using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Tapset.Syscalls;

/// <summary>
/// The value lists of stap's aux_syscalls.stp, in stap's order (the order decides which name
/// wins when values share bits), with the values of the Linux UAPI headers for x86-64 and, where
/// they differ, arm64. Lists stap guards with #ifdef hold what a current kernel defines.
/// </summary>
public static class SyscallFlagTables
{
    private static readonly bool Arm64 = RuntimeInformation.OSArchitecture == Architecture.Arm64;

    public const long AtFdCwd = -100;

    public const long OpenAccessMode = 3;

    public static SyscallValueTable OpenModeFlags { get; } = new(
    [
        (0x40, "O_CREAT"), (0x80, "O_EXCL"), (0x100, "O_NOCTTY"), (0x200, "O_TRUNC"), (0x400, "O_APPEND"),
        (0x800, "O_NONBLOCK"), (0x101000, "O_SYNC"), (0x1000, "O_DSYNC"), (0x2000, "O_ASYNC"),
        (Arm64 ? 0x10000 : 0x4000, "O_DIRECT"), (Arm64 ? 0x20000 : 0x8000, "O_LARGEFILE"),
        (Arm64 ? 0x4000 : 0x10000, "O_DIRECTORY"), (Arm64 ? 0x8000 : 0x20000, "O_NOFOLLOW"),
        (0x40000, "O_NOATIME"), (0x80000, "O_CLOEXEC"), (0x200000, "O_PATH"),
    ]);

    public static SyscallValueTable AccessModes { get; } = new([(0, "F_OK"), (4, "R_OK"), (2, "W_OK"), (1, "X_OK")]);

    public static SyscallValueTable Faccessat2Flags { get; } = new([(0x100, "AT_SYMLINK_NOFOLLOW"), (0x200, "AT_EACCESS")]);

    public static SyscallValueTable Pipe2Flags { get; } = new(
        [(0x800, "O_NONBLOCK"), (0x80000, "O_CLOEXEC"), (Arm64 ? 0x10000 : 0x4000, "O_DIRECT")]);

    public static SyscallValueTable ProtFlags { get; } = new(
    [
        (0, "PROT_NONE"), (1, "PROT_READ"), (2, "PROT_WRITE"), (4, "PROT_EXEC"), (8, "PROT_SEM"),
        (0x01000000, "PROT_GROWSDOWN"), (0x02000000, "PROT_GROWSUP"),
    ]);

    public static SyscallValueTable MmapFlags { get; } = new(
    [
        (0x1, "MAP_SHARED"), (0x2, "MAP_PRIVATE"), (0x10, "MAP_FIXED"), (0x20, "MAP_ANONYMOUS"),
        (0x100, "MAP_GROWSDOWN"), (0x800, "MAP_DENYWRITE"), (0x1000, "MAP_EXECUTABLE"), (0x2000, "MAP_LOCKED"),
        (0x4000, "MAP_NORESERVE"), (0x8000, "MAP_POPULATE"), (0x10000, "MAP_NONBLOCK"), (0x20000, "MAP_STACK"),
        (0x40000, "MAP_HUGETLB"), (0x4000000, "MAP_UNINITIALIZED"),
        .. Arm64 ? Array.Empty<(long, string)>() : [(0x40, "MAP_32BIT")],
    ]);

    public static SyscallValueTable FcntlCommands { get; } = new(
    [
        (0, "F_DUPFD"), (1, "F_GETFD"), (2, "F_SETFD"), (3, "F_GETFL"), (4, "F_SETFL"), (5, "F_GETLK"),
        (6, "F_SETLK"), (7, "F_SETLKW"), (8, "F_SETOWN"), (9, "F_GETOWN"), (10, "F_SETSIG"), (11, "F_GETSIG"),
        (15, "F_SETOWN_EX"), (16, "F_GETOWN_EX"), (17, "F_GETOWNER_UIDS"), (1024, "F_SETLEASE"),
        (1025, "F_GETLEASE"), (1030, "F_DUPFD_CLOEXEC"), (1026, "F_NOTIFY"), (1031, "F_SETPIPE_SZ"),
        (1032, "F_GETPIPE_SZ"),
    ]);

    public static SyscallValueTable SeekWhence { get; } = new(
        [(0, "SEEK_SET"), (1, "SEEK_CUR"), (2, "SEEK_END"), (3, "SEEK_DATA"), (4, "SEEK_HOLE")]);

    public static SyscallValueTable SocketFamilies { get; } = new(
    [
        (0, "PF_UNSPEC"), (1, "PF_LOCAL"), (2, "PF_INET"), (3, "PF_AX25"), (4, "PF_IPX"), (5, "PF_APPLETALK"),
        (6, "PF_NETROM"), (7, "PF_BRIDGE"), (8, "PF_ATMPVC"), (9, "PF_X25"), (10, "PF_INET6"), (11, "PF_ROSE"),
        (12, "PF_DECnet"), (13, "PF_NETBEUI"), (14, "PF_SECURITY"), (15, "PF_KEY"), (16, "PF_NETLINK"),
        (16, "PF_ROUTE"), (17, "PF_PACKET"), (18, "PF_ASH"), (19, "PF_ECONET"), (20, "PF_ATMSVC"), (21, "PF_RDS"),
        (22, "PF_SNA"), (23, "PF_IRDA"), (24, "PF_PPPOX"), (25, "PF_WANPIPE"), (26, "PF_LLC"), (27, "PF_IB"),
        (29, "PF_CAN"), (30, "PF_TIPC"), (31, "PF_BLUETOOTH"), (32, "PF_IUCV"), (33, "PF_RXRPC"), (34, "PF_ISDN"),
        (35, "PF_PHONET"), (36, "PF_IEEE802154"), (37, "PF_CAIF"), (38, "PF_ALG"), (39, "PF_NFC"), (40, "PF_VSOCK"),
    ]);

    public static SyscallValueTable SocketTypes { get; } = new(
    [
        (1, "SOCK_STREAM"), (2, "SOCK_DGRAM"), (3, "SOCK_RAW"), (4, "SOCK_RDM"), (5, "SOCK_SEQPACKET"),
        (6, "SOCK_DCCP"), (10, "SOCK_PACKET"),
    ]);

    public const int SocketTypeMask = 0xf;

    public const int SocketCloexec = 0x80000;

    public const int SocketNonblock = 0x800;

    public static SyscallValueTable SocketFlags { get; } = new([(SocketCloexec, "SOCK_CLOEXEC"), (SocketNonblock, "SOCK_NONBLOCK")]);

    public static SyscallValueTable IpProtocols { get; } = new(
    [
        (0, "IPPROTO_IP"), (1, "IPPROTO_ICMP"), (2, "IPPROTO_IGMP"), (4, "IPPROTO_IPIP"), (6, "IPPROTO_TCP"),
        (8, "IPPROTO_EGP"), (12, "IPPROTO_PUP"), (17, "IPPROTO_UDP"), (22, "IPPROTO_IDP"), (29, "IPPROTO_TP"),
        (33, "IPPROTO_DCCP"), (41, "IPPROTO_IPV6"), (46, "IPPROTO_RSVP"), (47, "IPPROTO_GRE"), (50, "IPPROTO_ESP"),
        (51, "IPPROTO_AH"), (92, "IPPROTO_MTP"), (98, "IPPROTO_ENCAP"), (103, "IPPROTO_PIM"), (108, "IPPROTO_COMP"),
        (132, "IPPROTO_SCTP"), (136, "IPPROTO_UDPLITE"), (255, "IPPROTO_RAW"),
    ]);

    /// <summary>MSG_CMSG_COMPAT, which stap removes before naming the flags (64-bit kernels with compat).</summary>
    public const long MsgCmsgCompat = 0x80000000;

    public static SyscallValueTable MsgFlags { get; } = new(
    [
        (0x1, "MSG_OOB"), (0x2, "MSG_PEEK"), (0x4, "MSG_DONTROUTE"), (0x4, "MSG_TRYHARD"), (0x8, "MSG_CTRUNC"),
        (0x10, "MSG_PROBE"), (0x20, "MSG_TRUNC"), (0x40, "MSG_DONTWAIT"), (0x80, "MSG_EOR"), (0x100, "MSG_WAITALL"),
        (0x200, "MSG_FIN"), (0x400, "MSG_SYN"), (0x800, "MSG_CONFIRM"), (0x1000, "MSG_RST"), (0x2000, "MSG_ERRQUEUE"),
        (0x4000, "MSG_NOSIGNAL"), (0x8000, "MSG_MORE"), (0x10000, "MSG_WAITFORONE"), (0x200, "MSG_EOF"),
        (0x20000000, "MSG_FASTOPEN"), (0x40000000, "MSG_CMSG_CLOEXEC"),
    ]);

    public static SyscallValueTable FutexOps { get; } = new(
    [
        (0, "FUTEX_WAIT"), (1, "FUTEX_WAKE"), (2, "FUTEX_FD"), (3, "FUTEX_REQUEUE"), (4, "FUTEX_CMP_REQUEUE"),
        (5, "FUTEX_WAKE_OP"), (6, "FUTEX_LOCK_PI"), (7, "FUTEX_UNLOCK_PI"), (8, "FUTEX_TRYLOCK_PI"),
        (9, "FUTEX_WAIT_BITSET"), (10, "FUTEX_WAKE_BITSET"), (11, "FUTEX_WAIT_REQUEUE_PI"), (12, "FUTEX_CMP_REQUEUE_PI"),
        (128, "FUTEX_WAIT_PRIVATE"), (129, "FUTEX_WAKE_PRIVATE"), (131, "FUTEX_REQUEUE_PRIVATE"),
        (132, "FUTEX_CMP_REQUEUE_PRIVATE"), (133, "FUTEX_WAKE_OP_PRIVATE"), (134, "FUTEX_LOCK_PI_PRIVATE"),
        (135, "FUTEX_UNLOCK_PI_PRIVATE"), (136, "FUTEX_TRYLOCK_PI_PRIVATE"), (137, "FUTEX_WAIT_BITSET_PRIVATE"),
        (138, "FUTEX_WAKE_BITSET_PRIVATE"), (139, "FUTEX_WAIT_REQUEUE_PI_PRIVATE"),
        (140, "FUTEX_CMP_REQUEUE_PI_PRIVATE"),
    ]);

    /// <summary>stap's signal list: not in numeric order (SIGPIPE before SIGUSR2), which sets keep.</summary>
    public static SyscallValueTable Signals { get; } = new(
    [
        (0, "SIG_0"), (1, "SIGHUP"), (2, "SIGINT"), (3, "SIGQUIT"), (4, "SIGILL"), (5, "SIGTRAP"), (6, "SIGABRT"),
        (7, "SIGBUS"), (8, "SIGFPE"), (9, "SIGKILL"), (10, "SIGUSR1"), (11, "SIGSEGV"), (13, "SIGPIPE"),
        (12, "SIGUSR2"), (14, "SIGALRM"), (15, "SIGTERM"), (17, "SIGCHLD"), (18, "SIGCONT"), (19, "SIGSTOP"),
        (20, "SIGTSTP"), (21, "SIGTTIN"), (22, "SIGTTOU"), (23, "SIGURG"), (24, "SIGXCPU"), (25, "SIGXFSZ"),
        (26, "SIGVTALRM"), (27, "SIGPROF"), (28, "SIGWINCH"), (29, "SIGIO/SIGPOLL"), (30, "SIGPWR"), (31, "SIGSYS"),
        (5 | 0x80, "TRACESYSGOOD"),
    ]);

    /// <summary>_NSIG: signals above it are never members of a set.</summary>
    public const int SignalCount = 64;

    public static SyscallValueTable CloneFlags { get; } = new(
    [
        (0x100, "CLONE_VM"), (0x200, "CLONE_FS"), (0x400, "CLONE_FILES"), (0x800, "CLONE_SIGHAND"),
        (0x2000, "CLONE_PTRACE"), (0x4000, "CLONE_VFORK"), (0x8000, "CLONE_PARENT"), (0x10000, "CLONE_THREAD"),
        (0x20000, "CLONE_NEWNS"), (0x40000, "CLONE_SYSVSEM"), (0x80000, "CLONE_SETTLS"),
        (0x100000, "CLONE_PARENT_SETTID"), (0x200000, "CLONE_CHILD_CLEARTID"), (0x400000, "CLONE_DETACHED"),
        (0x800000, "CLONE_UNTRACED"), (0x1000000, "CLONE_CHILD_SETTID"), (0x4000000, "CLONE_NEWUTS"),
        (0x8000000, "CLONE_NEWIPC"), (0x10000000, "CLONE_NEWUSER"), (0x20000000, "CLONE_NEWPID"),
        (0x40000000, "CLONE_NEWNET"), (0x80000000, "CLONE_IO"),
    ]);

    public static SyscallValueTable AtFlags { get; } = new(
    [
        (0x100, "AT_SYMLINK_NOFOLLOW"), (0x200, "AT_REMOVEDIR"), (0x400, "AT_SYMLINK_FOLLOW"),
        (0x800, "AT_NO_AUTOMOUNT"), (0x1000, "AT_EMPTY_PATH"),
    ]);

    public static SyscallValueTable WaitOptions { get; } = new(
    [
        (0x1, "WNOHANG"), (0x4, "WEXITED"), (0x2, "WSTOPPED"), (0x8, "WCONTINUED"), (0x01000000, "WNOWAIT"),
        (0x20000000, "__WNOTHREAD"), (0x40000000, "__WALL"), (0x80000000, "__WCLONE"),
    ]);

    public static SyscallValueTable GetrandomFlags { get; } = new([(1, "GRND_NONBLOCK"), (2, "GRND_RANDOM")]);

    public static SyscallValueTable Renameat2Flags { get; } = new(
        [(1, "RENAME_NOREPLACE"), (2, "RENAME_EXCHANGE"), (4, "RENAME_WHITEOUT")]);

    public static SyscallValueTable Clocks { get; } = new(
    [
        (0, "CLOCK_REALTIME"), (1, "CLOCK_MONOTONIC"), (2, "CLOCK_PROCESS_CPUTIME_ID"),
        (3, "CLOCK_THREAD_CPUTIME_ID"), (4, "CLOCK_MONOTONIC_RAW"), (5, "CLOCK_REALTIME_COARSE"),
        (6, "CLOCK_MONOTONIC_COARSE"), (7, "CLOCK_BOOTTIME"), (8, "CLOCK_REALTIME_ALARM"),
        (9, "CLOCK_BOOTTIME_ALARM"), (10, "CLOCK_SGI_CYCLE"), (11, "CLOCK_TAI"),
    ]);

    public static SyscallValueTable ClockNanosleepFlags { get; } = new([(1, "TIMER_ABSTIME")]);

    public static SyscallValueTable EpollCtlOps { get; } = new([(1, "EPOLL_CTL_ADD"), (3, "EPOLL_CTL_MOD"), (2, "EPOLL_CTL_DEL")]);

    public static SyscallValueTable SigprocmaskHows { get; } = new([(0, "SIG_BLOCK"), (1, "SIG_UNBLOCK"), (2, "SIG_SETMASK")]);

    public static SyscallValueTable SignalHandlers { get; } = new([(0, "SIG_DFL"), (1, "SIG_IGN")]);

    public static SyscallValueTable SigactionFlags { get; } = new(
    [
        (0x1, "SA_NOCLDSTOP"), (0x2, "SA_NOCLDWAIT"), (0x80000000, "SA_RESETHAND"), (0x08000000, "SA_ONSTACK"),
        (0x10000000, "SA_RESTART"), (0x40000000, "SA_NODEFER"), (0x4, "SA_SIGINFO"),
        .. Arm64 ? Array.Empty<(long, string)>() : [(0x04000000, "SA_RESTORER")],
    ]);

    public static SyscallValueTable ShutdownHows { get; } = new([(0, "SHUT_RD"), (1, "SHUT_WR"), (2, "SHUT_RDWR")]);

    public static SyscallValueTable MadviseAdvice { get; } = new(
    [
        (0, "MADV_NORMAL"), (1, "MADV_RANDOM"), (2, "MADV_SEQUENTIAL"), (3, "MADV_WILLNEED"), (4, "MADV_DONTNEED"),
        (8, "MADV_FREE"), (9, "MADV_REMOVE"), (10, "MADV_DONTFORK"), (11, "MADV_DOFORK"), (100, "MADV_HWPOISON"),
        (101, "MADV_SOFT_OFFLINE"), (12, "MADV_MERGEABLE"), (13, "MADV_UNMERGEABLE"), (14, "MADV_HUGEPAGE"),
        (15, "MADV_NOHUGEPAGE"), (16, "MADV_DONTDUMP"), (17, "MADV_DODUMP"), (102, "MADV_GUARD_INSTALL"),
        (103, "MADV_GUARD_REMOVE"),
    ]);

    /// <summary>stap's _statx_mask_str looks the mask up among the AT_STATX_ sync flags (sic), so 0 has a name.</summary>
    public static SyscallValueTable StatxMaskNames { get; } = new(
        [(0x6000, "AT_STATX_SYNC_TYPE"), (0, "AT_STATX_SYNC_AS_STAT"), (0x2000, "AT_STATX_FORCE_SYNC"), (0x4000, "AT_STATX_DONT_SYNC")]);
}
