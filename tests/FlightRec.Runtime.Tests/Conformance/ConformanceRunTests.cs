using System.Text;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// Runs hand-written modules (each written as the compiler would emit its run/NAME.stp) through
/// the in-process driver and compares stdout with run/NAME.expected byte for byte.
/// </summary>
public sealed class ConformanceRunTests(ITestOutputHelper log)
{
    /// <summary>Every module, with the exact stderr the run must produce.</summary>
    private static readonly Dictionary<string, (Func<ConformanceModule> Create, string Stderr)> Cases = new()
    {
        ["printf.basic3"] = (() => new PrintfBasic3Module(), ""),
        ["base.limits"] = (() => new BaseLimitsModule(), ""),
        ["string.substr"] = (() => new StringSubstrModule(), ""),
        ["string.strlen"] = (() => new StringStrlenModule(), ""),
        ["string.text_str"] = (() => new StringTextStrModule(), ""),
        ["base.ctime"] = (() => new BaseCtimeModule(), ""),
        ["base.try_assign"] = (() => new BaseTryAssignModule(), ""),
        ["base.overcatcher"] = (() => new BaseOvercatcherModule(), ""),
        ["base.exit_1"] = (() => new BaseExit1Module(), ""),
        ["maps.map_wrap1"] = (() => new MapsMapWrap1Module(), ""),
        ["maps.log"] = (() => new MapsLogModule(), ""),
        ["maps.linear_nearlyempty"] = (() => new MapsLinearNearlyEmptyModule(), ""),
        ["base.foreach_sort_stat_1"] = (() => new BaseForeachSortStat1Module(), ""),
        ["base.global_vars"] = (() => new BaseGlobalVarsModule(), ""),
        ["maps.foreach_limit"] = (() => new MapsForeachLimitModule(), ""),
        ["maps.ii"] = (() => new MapsIiModule(), ""),
        ["base.array_slicing.delete_int_wild"] = (() => new BaseArraySlicingDeleteIntWildModule(), ""),
        ["printf.int1"] = (() => new PrintfInt1Module(), ""),
        ["base.print"] = (() => new BasePrintModule(), ""),
        ["bpf.increment1.adapted"] = (() => new BpfIncrement1AdaptedModule(), ""),
        ["string.str_replace"] = (() => new StringStrReplaceModule(), ""),
        ["base.be_order"] = (() => new BaseBeOrderModule(), ""),
        ["base.probe_combining_5"] = (() => new BaseProbeCombining5Module(), "ERROR: intentional error\nWARNING: Number of errors: 1, skipped probes: 0\n"),
        ["maps.PR31740_1"] = (() => new MapsPR31740Module(), ""),
        ["base.array_size"] = (() => new BaseArraySizeModule(), ""),
        ["base.abort_1"] = (() => new BaseAbort1Module(), ""),
        ["bpf.error_1"] = (() => new BpfError1Module(), "ERROR: CONTINUE\nWARNING: Number of errors: 1, skipped probes: 0\n"),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void ModuleOutputEqualsExpected(string name)
    {
        var (create, stderr) = Cases[name];
        Check(name, create(), stderr);
    }

    // Statistics-array elements are read with ReadElement: stap aggregates them pairwise (map.c).
    [Fact]
    public void ArrayOfAggregatesSortedAndLimited() => Check("maps.foreach_limit2", new MapsForeachLimit2Module(), "");

    private void Check(string name, ConformanceModule module, string stderr)
    {
        Assert.Equal(name, module.Script);
        var result = ConformanceDriver.Run(module);
        Assert.Equal(stderr, result.Stderr);

        byte[]? expected = ConformanceCorpus.ReadExpected(name, log);
        if (expected is null)
        {
            return;
        }

        // Latin-1 shows every byte as one char, so a mismatch prints readably and still compares bytes.
        Assert.Equal(Encoding.Latin1.GetString(expected), Encoding.Latin1.GetString(result.Stdout));
        Assert.Equal(expected, result.Stdout);
    }
}
