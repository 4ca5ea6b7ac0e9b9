using FlightRec.Compiler.Parsing;
using Xunit;
using static FlightRec.Compiler.Tests.Preprocessing.PreprocessorHarness;

namespace FlightRec.Compiler.Tests.Preprocessing;

public class ConditionTests
{
    private static string Pick(string condition, ParseOptions? options = null) =>
        Text($"%( {condition} %? yes %: no %)", options);

    [Theory]
    [InlineData("kernel_v == \"6.1.0\"", "yes")]
    [InlineData("kernel_v != \"6.1.0\"", "no")]
    [InlineData("kernel_v > \"2.6.39\"", "yes")]
    [InlineData("kernel_v >= \"6.1\"", "yes")]
    [InlineData("kernel_v < \"6.1.0\"", "no")]
    [InlineData("kernel_v <= \"6.1.0\"", "yes")]
    [InlineData("kernel_v < \"6.10\"", "yes")]
    [InlineData("kernel_v > \"6.1.0-18\"", "no")]
    [InlineData("kernel_vr == \"6.1.0-18-amd64\"", "yes")]
    [InlineData("kernel_vr > \"6.1.0-9-amd64\"", "yes")]
    [InlineData("kernel_vr < \"6.1.0-100\"", "yes")]
    [InlineData("kernel_vr == \"6.1.*\"", "yes")]
    [InlineData("kernel_vr == \"6.1.0-1?-amd64\"", "yes")]
    [InlineData("kernel_vr == \"6.1.0-[0-9][0-9]-*\"", "yes")]
    [InlineData("kernel_vr != \"6.1.*\"", "no")]
    [InlineData("kernel_vr == \"5.*\"", "no")]
    [InlineData("kernel_v == \"6.1.*\"", "yes")]
    public void KernelVersion(string condition, string expected) => Assert.Equal(expected, Pick(condition));

    [Theory]
    [InlineData("arch == \"x86_64\"", "yes")]
    [InlineData("arch != \"x86_64\"", "no")]
    [InlineData("arch == \"i?86\"", "no")]
    [InlineData("arch == \"x86*\"", "yes")]
    [InlineData("arch == \"[xy]86_64\"", "yes")]
    [InlineData("arch == \"[!x]86_64\"", "no")]
    [InlineData("arch == \"arm64\"", "no")]
    [InlineData("runtime == \"kernel\"", "yes")]
    [InlineData("runtime != \"bpf\"", "yes")]
    [InlineData("runtime == \"k*\"", "yes")]
    [InlineData("systemtap_privilege == \"stapdev\"", "yes")]
    [InlineData("systemtap_privilege != \"stapusr\"", "yes")]
    [InlineData("systemtap_privilege == \"stap*\"", "no")]
    public void ArchRuntimePrivilege(string condition, string expected) => Assert.Equal(expected, Pick(condition));

    [Fact]
    public void RuntimeFollowsOptions() =>
        Assert.Equal("yes", Pick("runtime == \"bpf\"", Options(runtime: "bpf")));

    [Theory]
    [InlineData("5.6", "systemtap_v >= \"3.0\"", "yes")]
    [InlineData("5.6", "systemtap_v < \"5.10\"", "yes")]
    [InlineData("2.9", "systemtap_v >= \"3.0\"", "no")]
    [InlineData("2.9", "systemtap_v == \"2.*\"", "yes")]
    [InlineData("1.8", "systemtap_v <= \"1.8\"", "yes")]
    public void SystemtapVersionUsesCompatible(string compatible, string condition, string expected) =>
        Assert.Equal(expected, Pick(condition, Options(compatible: compatible)));

    [Theory]
    [InlineData(false, "guru_mode == 0", "yes")]
    [InlineData(false, "guru_mode == 1", "no")]
    [InlineData(true, "guru_mode == 1", "yes")]
    [InlineData(true, "guru_mode != 1", "no")]
    public void GuruMode(bool guru, string condition, string expected) =>
        Assert.Equal(expected, Pick(condition, Options(guru: guru)));

    [Theory]
    [InlineData("CONFIG_SMP == \"y\"", "yes")]
    [InlineData("CONFIG_SMP != \"y\"", "no")]
    [InlineData("CONFIG_EXT4_FS == \"[ym]\"", "yes")]
    [InlineData("CONFIG_EXT4_FS == \"y\"", "no")]
    [InlineData("CONFIG_NOT_THERE == \"\"", "yes")]
    [InlineData("CONFIG_NOT_THERE == \"*\"", "yes")]
    [InlineData("CONFIG_HZ == 250", "yes")]
    [InlineData("CONFIG_HZ > 100", "yes")]
    [InlineData("CONFIG_HZ <= 100", "no")]
    [InlineData("CONFIG_HEX == 16", "yes")]
    [InlineData("CONFIG_NOT_THERE == 0", "yes")]
    [InlineData("CONFIG_NR_CPUS > CONFIG_HZ", "yes")]
    [InlineData("CONFIG_HEX == CONFIG_SIXTEEN", "yes")]
    [InlineData("CONFIG_SMP == CONFIG_EXT4_FS", "no")]
    [InlineData("CONFIG_SMP > CONFIG_EXT4_FS", "yes")]
    [InlineData("CONFIG_DEFAULT_HOSTNAME == CONFIG_HOSTNAME_COPY", "yes")]
    public void KernelConfig(string condition, string expected) => Assert.Equal(expected, Pick(condition));

    [Theory]
    [InlineData("\"abc\" == \"abc\"", "yes")]
    [InlineData("\"abc\" < \"abd\"", "yes")]
    [InlineData("\"b\" > \"abc\"", "yes")]
    [InlineData("\"a*\" == \"abc\"", "no")]
    [InlineData("\"6.10\" < \"6.9\"", "yes")]
    [InlineData("1 == 1", "yes")]
    [InlineData("2 != 2", "no")]
    [InlineData("10 > 9", "yes")]
    [InlineData("10 >= 11", "no")]
    [InlineData("3 < 4", "yes")]
    [InlineData("4 <= 4", "yes")]
    public void Literals(string condition, string expected) => Assert.Equal(expected, Pick(condition));

    [Theory]
    [InlineData("1 == 1 && 2 == 2", "yes")]
    [InlineData("1 == 1 && 2 == 3", "no")]
    [InlineData("1 == 2 || 2 == 2", "yes")]
    [InlineData("1 == 2 || 2 == 3", "no")]
    // && binds tighter: (1==1) || ((1==2) && (1==2)) is true; left-to-right would give false.
    [InlineData("1 == 1 || 1 == 2 && 1 == 2", "yes")]
    // (1==2 && 1==1) || (1==1) is true.
    [InlineData("1 == 2 && 1 == 1 || 1 == 1", "yes")]
    [InlineData("1 == 2 && 1 == 1 || 1 == 2 && 1 == 1", "no")]
    [InlineData("1 == 1 && 1 == 1 && 1 == 1 || 1 == 2", "yes")]
    public void AndBindsTighterThanOr(string condition, string expected) => Assert.Equal(expected, Pick(condition));

    [Fact]
    public void ThenOnlyConditional() =>
        Assert.Equal("a c", Text("a %( 1 == 2 %? b %) c"));

    [Fact]
    public void Nesting()
    {
        const string source = """
            %( 1 == 1 %?
                %( 2 == 3 %? A %: %( 3 == 3 %? B %: C %) %)
            %:
                %( 1 == 1 %? D %: E %)
            %)
            %( 1 == 2 %? F %( 1 == 1 %? G %: H %) %: I %( 1 == 2 %? J %: K %) %)
            """;
        Assert.Equal("B I K", Text(source));
    }

    [Fact]
    public void SkippedBranchIgnoresJunkAndOutOfRangeArguments()
    {
        const string source = """
            %( $# >= 2 %? @2 $2 `junk` %( nonsense %? x %) %( %: %) %: "" %)
            %( 1 == 2 %? @define foo %( 1 %) %: ok %)
            """;
        Assert.Equal("\"\" ok", Text(source, Options(args: ["one"])));
    }

    [Fact]
    public void SkippedBranchIgnoresMacroErrors() =>
        Assert.Equal("ok", Text("@define f(a) %( @a %) %( 1 == 2 %? @f @f(1, 2) %: ok %)"));

    [Fact]
    public void SplicedArgumentsWorkInConditions() =>
        Assert.Equal("yes", Text("%( $1 == 5 %? yes %: no %)", Options(args: ["5"])));

    [Fact]
    public void ArgumentsWorkInConditions()
    {
        Assert.Equal("\"x\"", Text("%( $# >= 1 %? @1 %: \"\" %)", Options(args: ["x"])));
        Assert.Equal("\"\"", Text("%( $# >= 1 %? @1 %: \"\" %)"));
        Assert.Equal("yes", Text("%( $# == 1 %? yes %: no %)", Options(args: ["5"])));
    }

    [Fact]
    public void MacrosAreExpandedInConditions() =>
        Assert.Equal("yes", Text("@define ver %( \"6.0\" %) %( kernel_v >= @ver %? yes %: no %)"));

    [Fact]
    public void ConditionalInsideMacroBodyIsEvaluatedAtEachUse()
    {
        const string source = """
            @define pick(x) %( %( @x == 1 %? one %: other %) %)
            @pick(1) @pick(2) @pick(1)
            """;
        Assert.Equal("one other one", Text(source));
    }
}
