using Xunit;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Parsing.Preprocessing;

namespace FlightRec.Compiler.Tests.Preprocessing;

public class HelperTests
{
    [Theory]
    [InlineData("6.1.0", "6.1.0", 0)]
    [InlineData("2.6.9", "2.6.10", -1)]
    [InlineData("2.6.10", "2.6.9", 1)]
    [InlineData("6.1.0", "2.6", 1)]
    [InlineData("3.0", "3.0.1", -1)]
    [InlineData("5.10", "5.9", 1)]
    [InlineData("000", "00", -1)]
    [InlineData("00", "01", -1)]
    [InlineData("01", "010", -1)]
    [InlineData("09", "0", -1)]
    [InlineData("0", "a", -1)]
    [InlineData("1.0-rc1", "1.0", 1)]
    [InlineData("item#99", "item#100", -1)]
    [InlineData("alpha1", "alpha001", 1)]
    [InlineData("part1_f012", "part1_f01", 1)]
    [InlineData("abc", "abd", -1)]
    public void VersionCompareIsStrverscmp(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(VersionCompare.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(VersionCompare.Compare(b, a)));
    }

    [Theory]
    [InlineData("x86_64", "x86_64", true)]
    [InlineData("x86*", "x86_64", true)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("i?86", "i386", true)]
    [InlineData("i[3-6]86", "i586", true)]
    [InlineData("i[!3]86", "i386", false)]
    [InlineData("i[^3]86", "i486", true)]
    [InlineData("[]]", "]", true)]
    [InlineData("a[b", "a[b", true)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxc", false)]
    [InlineData("a\\b", "a\\b", true)]
    [InlineData("arm*", "arm64", true)]
    public void GlobIsFnmatchNoEscape(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.Match(pattern, text));

    [Theory]
    [InlineData("", true, 0)]
    [InlineData("42", true, 42)]
    [InlineData("-7", true, -7)]
    [InlineData("0x1f", true, 31)]
    [InlineData("010", true, 8)]
    [InlineData(" 5", true, 5)]
    [InlineData("y", false, 0)]
    [InlineData("5 ", false, 0)]
    [InlineData("99999999999999999999", false, 0)]
    [InlineData("-9223372036854775808", true, long.MinValue)]
    public void ConfigNumbersReadLikeStrtoll(string text, bool ok, long value)
    {
        Assert.Equal(ok, ConditionEvaluator.TryParseC(text, out long parsed));
        if (ok)
        {
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void ConfigFileParsing()
    {
        var config = SystemFactsReader.ParseConfig(new StringReader("""
            # comment
            CONFIG_SMP=y
            # CONFIG_FOO is not set
            CONFIG_HZ=250
            CONFIG_LOCALVERSION="-custom"
            CONFIG_EMPTY=""
            """));
        Assert.Equal("y", config["CONFIG_SMP"]);
        Assert.Equal("250", config["CONFIG_HZ"]);
        Assert.Equal("-custom", config["CONFIG_LOCALVERSION"]);
        Assert.Equal("", config["CONFIG_EMPTY"]);
        Assert.False(config.ContainsKey("CONFIG_FOO"));
    }

    [Theory]
    [InlineData("x86_64", "x86_64")]
    [InlineData("i686", "i386")]
    [InlineData("aarch64", "arm64")]
    [InlineData("armv7l", "arm")]
    [InlineData("ppc64le", "powerpc")]
    [InlineData("s390x", "s390")]
    [InlineData("riscv64", "riscv")]
    [InlineData("mips64", "mips")]
    public void MachineNamesAreNormalized(string machine, string arch) =>
        Assert.Equal(arch, SystemFactsReader.NormalizeMachine(machine));

    [Fact]
    public void SystemFactsOfThisMachineDoNotThrow()
    {
        var facts = SystemFactsReader.Read();
        Assert.NotNull(facts.KernelRelease);
        Assert.NotNull(facts.Arch);
    }
}
