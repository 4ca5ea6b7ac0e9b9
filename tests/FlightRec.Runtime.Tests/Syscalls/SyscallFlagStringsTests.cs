using System.Runtime.InteropServices;
using FlightRec.Runtime.Tapset.Syscalls;

namespace FlightRec.Runtime.Tests.Syscalls;

/// <summary>
/// The expected strings are what stap's aux_syscalls.stp C produces for the same values
/// (_stp_lookup_str / _stp_lookup_or_str over its lists, x86-64 UAPI values).
/// </summary>
public class SyscallFlagStringsTests
{
    private static readonly bool X64 = RuntimeInformation.OSArchitecture == Architecture.X64;

    [Theory]
    [InlineData(0, "O_RDONLY")]
    [InlineData(1, "O_WRONLY")]
    [InlineData(2, "O_RDWR")]
    [InlineData(3, "O_RDONLY")]
    [InlineData(0x241, "O_WRONLY|O_CREAT|O_TRUNC")]
    [InlineData(0x80000, "O_RDONLY|O_CLOEXEC")]
    [InlineData(0x800c2, "O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC")]
    [InlineData(0x441, "O_WRONLY|O_CREAT|O_APPEND")]
    [InlineData(0x1000, "O_RDONLY|O_SYNC")] // O_DSYNC's bit is part of O_SYNC, listed first
    [InlineData(0x101000, "O_RDONLY|O_SYNC")]
    [InlineData(0x200000, "O_RDONLY|O_PATH")]
    [InlineData(0x400000, "O_RDONLY|0x400000")]
    [InlineData(0x100000041L, "O_WRONLY|O_CREAT")] // truncated to int first
    public void OpenFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.OpenFlags(flags));

    [Fact]
    public void OpenFlagsWithTheArchitectureSpecificDirectoryBits() =>
        Assert.Equal(X64 ? "O_RDONLY|O_NONBLOCK|O_DIRECTORY|O_CLOEXEC" : "O_RDONLY|O_NONBLOCK|O_DIRECT|O_CLOEXEC",
            SyscallFlagStrings.OpenFlags(0x90800));

    [Theory]
    [InlineData(0, "F_OK")]
    [InlineData(4, "R_OK")]
    [InlineData(6, "R_OK|W_OK")]
    [InlineData(7, "R_OK|W_OK|X_OK")]
    [InlineData(1, "X_OK")]
    [InlineData(8, "0x8")]
    [InlineData(12, "R_OK|0x8")]
    public void AccessMode(long mode, string expected) => Assert.Equal(expected, SyscallFlagStrings.AccessMode(mode));

    [Theory]
    [InlineData(0, "PROT_NONE")]
    [InlineData(1, "PROT_READ")]
    [InlineData(3, "PROT_READ|PROT_WRITE")]
    [InlineData(5, "PROT_READ|PROT_EXEC")]
    [InlineData(0x01000003, "PROT_READ|PROT_WRITE|PROT_GROWSDOWN")]
    [InlineData(0x10, "0x10")]
    public void MprotectProt(long prot, string expected) => Assert.Equal(expected, SyscallFlagStrings.MprotectProt(prot));

    [Theory]
    [InlineData(0x22, "MAP_PRIVATE|MAP_ANONYMOUS")]
    [InlineData(0x812, "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE")]
    [InlineData(0x1, "MAP_SHARED")]
    [InlineData(0x3, "MAP_SHARED|MAP_PRIVATE")] // MAP_SHARED_VALIDATE has no name of its own
    [InlineData(0, "0x0")]
    [InlineData(0x100022, "MAP_PRIVATE|MAP_ANONYMOUS|0x100000")]
    [InlineData(0x20022, "MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK")]
    [InlineData(0x54040022, "MAP_HUGE_2MB|MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB")]
    [InlineData(0x78040022, "MAP_HUGE_1GB|MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB")]
    [InlineData(0x30000000, "MAP_HUGE_4KB|0x0")]
    [InlineData(0x14000000, "MAP_HUGE_32|0x0")]
    public void MmapFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.MmapFlagsStr(flags));

    [Fact]
    public void Map32BitIsNamedOnlyOnX86() =>
        Assert.Equal(X64 ? "MAP_PRIVATE|MAP_32BIT" : "MAP_PRIVATE|0x40", SyscallFlagStrings.MmapFlagsStr(0x42));

    [Theory]
    [InlineData(-100, "AT_FDCWD")]
    [InlineData(3, "3")]
    [InlineData(-1, "-1")]
    [InlineData(0xffffff9cL, "4294967196")] // why the tapset narrows with __int32 first
    public void DfdStr(long dfd, string expected) => Assert.Equal(expected, SyscallFlagStrings.DfdStr(dfd));

    [Theory]
    [InlineData(0, "F_DUPFD")]
    [InlineData(1, "F_GETFD")]
    [InlineData(4, "F_SETFL")]
    [InlineData(7, "F_SETLKW")]
    [InlineData(1030, "F_DUPFD_CLOEXEC")]
    [InlineData(1033, "0x409")]
    [InlineData(-1, "0xffffffff")]
    public void FcntlCmd(long cmd, string expected) => Assert.Equal(expected, SyscallFlagStrings.FcntlCmd(cmd));

    [Theory]
    [InlineData(0, "SEEK_SET")]
    [InlineData(1, "SEEK_CUR")]
    [InlineData(2, "SEEK_END")]
    [InlineData(4, "SEEK_HOLE")]
    [InlineData(5, "0x5")]
    public void SeekWhence(long whence, string expected) => Assert.Equal(expected, SyscallFlagStrings.SeekWhenceStr(whence));

    [Theory]
    [InlineData(1, "PF_LOCAL")]
    [InlineData(2, "PF_INET")]
    [InlineData(10, "PF_INET6")]
    [InlineData(16, "PF_NETLINK")]
    [InlineData(17, "PF_PACKET")]
    [InlineData(28, "0x1c")]
    [InlineData(44, "0x2c")]
    public void SockFamily(long family, string expected) => Assert.Equal(expected, SyscallFlagStrings.SockFamily(family));

    [Theory]
    [InlineData(1, "SOCK_STREAM")]
    [InlineData(2, "SOCK_DGRAM")]
    [InlineData(0x80001, "SOCK_STREAM|SOCK_CLOEXEC")]
    [InlineData(0x80802, "SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK")]
    [InlineData(0x80000, "SOCK_CLOEXEC")]
    [InlineData(0x80007, "SOCK_CLOEXEC|0x7")]
    [InlineData(0x100001, "SOCK_STREAM|0x100000")]
    [InlineData(0, "0x0")]
    [InlineData(7, "0x7")]
    public void SockType(long type, string expected) => Assert.Equal(expected, SyscallFlagStrings.SockType(type));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(0x800, "SOCK_NONBLOCK")]
    [InlineData(0x80800, "SOCK_CLOEXEC|SOCK_NONBLOCK")]
    public void SockFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.SockFlags(flags));

    [Theory]
    [InlineData(2, 6, "IPPROTO_TCP")]
    [InlineData(10, 17, "IPPROTO_UDP")]
    [InlineData(2, 0, "IPPROTO_IP")]
    [InlineData(2, 255, "IPPROTO_RAW")]
    [InlineData(2, 999, "999")]
    [InlineData(1, 0, "0")]
    [InlineData(16, 6, "6")]
    public void SockProtocol(long family, long protocol, string expected) =>
        Assert.Equal(expected, SyscallFlagStrings.SockProtocol(family, protocol));

    [Theory]
    [InlineData(0, "MADV_NORMAL")]
    [InlineData(4, "MADV_DONTNEED")]
    [InlineData(8, "MADV_FREE")]
    [InlineData(14, "MADV_HUGEPAGE")]
    [InlineData(100, "MADV_HWPOISON")]
    [InlineData(25, "0x19")]
    public void MadviseAdvice(long behavior, string expected) => Assert.Equal(expected, SyscallFlagStrings.MadviseAdviceStr(behavior));

    [Theory]
    [InlineData(0x7ff, "0x7ff")]
    [InlineData(0xfff, "0xfff")]
    [InlineData(0, "AT_STATX_SYNC_AS_STAT")]
    [InlineData(0x2000, "AT_STATX_FORCE_SYNC")]
    [InlineData(-1, "0xffffffffffffffff")]
    public void StatxMask(long mask, string expected) => Assert.Equal(expected, SyscallFlagStrings.StatxMask(mask));

    [Theory]
    [InlineData(0, "SHUT_RD")]
    [InlineData(1, "SHUT_WR")]
    [InlineData(2, "SHUT_RDWR")]
    [InlineData(3, "0x3")]
    public void ShutdownHow(long how, string expected) => Assert.Equal(expected, SyscallFlagStrings.ShutdownHow(how));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(0x4000, "MSG_NOSIGNAL")]
    [InlineData(0x42, "MSG_PEEK|MSG_DONTWAIT")]
    [InlineData(0x4, "MSG_DONTROUTE")] // MSG_TRYHARD has the same value and comes later
    [InlineData(0x200, "MSG_FIN")]
    [InlineData(0x80000000L, "0x0")] // MSG_CMSG_COMPAT is dropped
    [InlineData(0x40000000, "MSG_CMSG_CLOEXEC")]
    [InlineData(0x4000040, "MSG_DONTWAIT|0x4000000")]
    public void MsgFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.MsgFlagsStr(flags));

    [Theory]
    [InlineData(0, "FUTEX_WAIT")]
    [InlineData(1, "FUTEX_WAKE")]
    [InlineData(128, "FUTEX_WAIT_PRIVATE")]
    [InlineData(129, "FUTEX_WAKE_PRIVATE")]
    [InlineData(137, "FUTEX_WAIT_BITSET_PRIVATE")]
    [InlineData(393, "0x189")] // FUTEX_CLOCK_REALTIME is not in the list
    public void FutexOp(long op, string expected) => Assert.Equal(expected, SyscallFlagStrings.FutexOp(op));

    [Theory]
    [InlineData(0, "SIG_0")]
    [InlineData(9, "SIGKILL")]
    [InlineData(15, "SIGTERM")]
    [InlineData(17, "SIGCHLD")]
    [InlineData(29, "SIGIO/SIGPOLL")]
    [InlineData(16, "0x10")]
    [InlineData(133, "TRACESYSGOOD")]
    [InlineData(34, "0x22")]
    public void SignalName(long signal, string expected) => Assert.Equal(expected, SyscallFlagStrings.SignalName(signal));

    [Theory]
    [InlineData(0, "SIG_BLOCK")]
    [InlineData(1, "SIG_UNBLOCK")]
    [InlineData(2, "SIG_SETMASK")]
    [InlineData(3, "0x3")]
    [InlineData(-1, "0xffffffffffffffff")]
    public void SigprocmaskHow(long how, string expected) => Assert.Equal(expected, SyscallFlagStrings.SigprocmaskHow(how));

    [Theory]
    [InlineData(0, "[EMPTY]")]
    [InlineData(1L << 1, "[SIGINT]")]
    [InlineData((1L << 8) | (1L << 14), "[SIGKILL|SIGTERM]")]
    [InlineData((1L << 11) | (1L << 12), "[SIGPIPE|SIGUSR2]")] // stap's list order, not numeric
    [InlineData(1L << 15, "[EMPTY]")] // SIGSTKFLT is not in the list
    [InlineData(long.MinValue, "[EMPTY]")] // signal 64
    [InlineData((1L << 16) | (1L << 30), "[SIGCHLD|SIGSYS]")]
    public void SigmaskStr(long mask, string expected) => Assert.Equal(expected, SyscallFlagStrings.SigmaskStr(mask));

    [Theory]
    [InlineData(0x11, "0x0|SIGCHLD")]
    [InlineData(0x1200011, "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD")]
    [InlineData(0x3d0f00,
        "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID")]
    [InlineData(0, "0x0")]
    [InlineData(0x1000, "0x1000")] // CLONE_PIDFD is not in stap's list
    [InlineData(0x4111, "CLONE_VM|CLONE_VFORK|SIGCHLD")] // vfork()
    [InlineData(0x5011, "CLONE_VFORK|0x1000|SIGCHLD")]
    public void ForkFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.ForkFlags(flags));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(0x100, "AT_SYMLINK_NOFOLLOW")]
    [InlineData(0x200, "AT_REMOVEDIR")]
    [InlineData(0x1100, "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH")]
    [InlineData(0x4000, "0x4000")]
    public void AtFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.AtFlagsStr(flags));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "WNOHANG")]
    [InlineData(2, "WSTOPPED")]
    [InlineData(0x40000001, "WNOHANG|__WALL")]
    public void Wait4Options(long options, string expected) => Assert.Equal(expected, SyscallFlagStrings.Wait4Options(options));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "GRND_NONBLOCK")]
    [InlineData(3, "GRND_NONBLOCK|GRND_RANDOM")]
    [InlineData(4, "0x4")]
    public void GetrandomFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.GetrandomFlagsStr(flags));

    [Theory]
    [InlineData(1, "RENAME_NOREPLACE")]
    [InlineData(6, "RENAME_EXCHANGE|RENAME_WHITEOUT")]
    [InlineData(0, "0x0")]
    public void Renameat2Flags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.Renameat2FlagsStr(flags));

    [Theory]
    [InlineData(0, "CLOCK_REALTIME")]
    [InlineData(1, "CLOCK_MONOTONIC")]
    [InlineData(7, "CLOCK_BOOTTIME")]
    [InlineData(11, "CLOCK_TAI")]
    [InlineData(12, "0xc")]
    [InlineData(-6, "0xfffffffa")]
    public void ClockId(long clock, string expected) => Assert.Equal(expected, SyscallFlagStrings.ClockId(clock));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "TIMER_ABSTIME")]
    public void ClockNanosleepFlags(long flags, string expected) =>
        Assert.Equal(expected, SyscallFlagStrings.ClockNanosleepFlagsStr(flags));

    [Theory]
    [InlineData(1, "EPOLL_CTL_ADD")]
    [InlineData(2, "EPOLL_CTL_DEL")]
    [InlineData(3, "EPOLL_CTL_MOD")]
    [InlineData(4, "0x4")]
    public void EpollCtlOp(long op, string expected) => Assert.Equal(expected, SyscallFlagStrings.EpollCtlOp(op));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(0x80000, "O_CLOEXEC")]
    [InlineData(0x80800, "O_NONBLOCK|O_CLOEXEC")]
    public void Pipe2Flags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.Pipe2FlagsStr(flags));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(0x80000, "O_CLOEXEC")]
    public void Dup3Flags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.Dup3Flags(flags));

    [Theory]
    [InlineData(0x200, "AT_EACCESS")]
    [InlineData(0x300, "AT_SYMLINK_NOFOLLOW|AT_EACCESS")]
    public void Faccessat2Flags(long flags, string expected) => Assert.Equal(expected, SyscallFlagStrings.Faccessat2FlagsStr(flags));

    [Theory]
    [InlineData(0, 0x14000004, 0x7f00, 2, "SIG_DFL")]
    [InlineData(1, 0, 0, 0, "SIG_IGN")]
    public void SigactionOfTheDefaultHandlersIsTheirName(long handler, long flags, long restorer, long mask, string expected) =>
        Assert.Equal(expected, SyscallFlagStrings.SigactionStr(handler, flags, restorer, mask));

    [Fact]
    public void SigactionOfAHandlerListsFlagsRestorerAndMask()
    {
        Assert.Equal(X64 ? "0x401000, SA_RESTART|SA_SIGINFO|SA_RESTORER, 0x7f00, [SIGINT]" : "0x401000, SA_RESTART|SA_SIGINFO|0x4000000, [SIGINT]",
            SyscallFlagStrings.SigactionStr(0x401000, 0x14000004, 0x7f00, 1L << 1));
        Assert.Equal(X64 ? "0x401000, 0x0, 0x0, [EMPTY]" : "0x401000, 0x0, [EMPTY]", SyscallFlagStrings.SigactionStr(0x401000, 0, 0, 0));
    }
}
