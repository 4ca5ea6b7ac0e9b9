using System.Runtime.InteropServices;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>The generated x86_64 table: tracepoint names, not __NR_ names.</summary>
public sealed class SyscallNumbersTests
{
    private static readonly IReadOnlyDictionary<string, int> X64 = SyscallNumbers.For(Architecture.X64);

    [Theory]
    [InlineData("read", 0)]
    [InlineData("getppid", 110)]
    [InlineData("openat", 257)]
    [InlineData("newstat", 4)] // __NR_stat
    [InlineData("newuname", 63)] // __NR_uname
    [InlineData("sendfile64", 40)] // __NR_sendfile
    [InlineData("umount", 166)] // __NR_umount2
    [InlineData("exit_group", 231)]
    [InlineData("rseq", 334)]
    [InlineData("clone3", 435)]
    [InlineData("file_setattr", 469)]
    public void TracepointNameGivesTheSyscallNumber(string name, int number) => Assert.Equal(number, X64[name]);

    [Theory]
    [InlineData("stat")]
    [InlineData("sendfile")]
    [InlineData("umount2")]
    [InlineData("ni_syscall")]
    [InlineData("set_thread_area")] // no entry point on x86_64
    public void NamesWithoutSuchATracepointAreAbsent(string name) => Assert.False(X64.ContainsKey(name));

    [Fact]
    public void NumbersAreDistinctAndBelowTheX32Range()
    {
        Assert.Equal(X64.Count, X64.Values.Distinct().Count());
        Assert.All(X64.Values, n => Assert.InRange(n, 0, 511));
    }

    [Fact]
    public void OtherArchitecturesHaveNoTable() => Assert.Empty(SyscallNumbers.For(Architecture.Arm64));
}
