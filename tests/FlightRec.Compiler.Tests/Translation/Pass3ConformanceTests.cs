using System.Text;
using FlightRec.Compiler.Tests.Golden;
using FlightRec.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// Conformance run/ cases (with their manifest ARGS) that need only what pass 3 translates so far: frstap -p3,
/// Roslyn, the runtime's ScriptSession, and stdout byte for byte equal to run/NAME.expected.
/// The corpus is read in place; without it the cases pass vacuously, except on CI.
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class Pass3ConformanceTests(ITestOutputHelper log)
{
    /// <summary>The floor: every case here passes; a case leaves the list only with a reason.</summary>
    private static readonly string[] Names =
    [
        "base.abort_1",
        "base.abort_2",
        "base.abort_6",
        "base.abort_7",
        "base.add",
        "base.alias-condition",
        "base.alias-prolog",
        "base.alias_suffixes01",
        "base.alias_suffixes03",
        "base.alias_suffixes04",
        "base.array_size",
        "base.array_slicing.delete_int_wild",
        "base.array_slicing.delete_pmaps",
        "base.array_slicing.delete_wild_wild",
        "base.array_slicing.foreach_expr_wild",
        "base.array_slicing.foreach_modified_index_vars",
        "base.array_slicing.foreach_sorting",
        "base.array_slicing.foreach_var_str",
        "base.array_slicing.foreach_var_wild",
        "base.array_slicing.in_expr_wild",
        "base.array_slicing.in_int_wild",
        "base.array_slicing.in_pmaps_2",
        "base.array_slicing.in_wild_str",
        "base.array_string",
        "base.be_order",
        "base.ctime",
        "base.exit_1",
        "base.exit_3",
        "base.foreach_sort_stat_1",
        "base.foreach_sort_stat_10",
        "base.foreach_sort_stat_12",
        "base.foreach_sort_stat_13",
        "base.foreach_sort_stat_3",
        "base.foreach_sort_stat_4",
        "base.foreach_sort_stat_6",
        "base.foreach_sort_stat_7",
        "base.foreach_sort_stat_9",
        "base.foreach_value",
        "base.global_init",
        "base.global_vars",
        "base.inc",
        "base.limits",
        "base.not",
        "base.overcatcher",
        "base.pr22005.min",
        "base.print",
        "base.probe_combining_2",
        "base.probe_combining_3",
        "base.probe_combining_5",
        "base.probe_combining_6",
        "base.return_no_val_1",
        "base.return_no_val_2",
        "base.tautological_cmp.eq",
        "base.tautological_cmp.ne",
        "base.ternary_op_6",
        "base.tri",
        "base.try_assign",
        "base.usym_unoptimize_2",
        "base.utf_overlong",
        "bpf.array.adapted",
        "bpf.array_in.adapted",
        "bpf.assignment.adapted",
        "bpf.bool1.adapted",
        "bpf.bool3.adapted",
        "bpf.error_1",
        "bpf.exit1",
        "bpf.exit2.adapted",
        "bpf.for",
        "bpf.foreach",
        "bpf.foreach_pr23858",
        "bpf.foreach_pr24953",
        "bpf.globals2.adapted",
        "bpf.globals3.adapted",
        "bpf.increment1.adapted",
        "bpf.increment2.adapted",
        "bpf.no_begin_no_end.adapted",
        "bpf.no_end.adapted",
        "bpf.reg_alloc1.adapted",
        "bpf.reg_alloc2.adapted",
        "bpf.string1.adapted",
        "bpf.string2.adapted",
        "bpf.string4.adapted",
        "bpf.while",
        "maps.PR31740_1",
        "maps.elision.hist_elision_0",
        "maps.elision.hist_elision_1",
        "maps.elision.hist_elision_3",
        "maps.elision.hist_elision_m1",
        "maps.foreach_limit",
        "maps.foreach_limit2",
        "maps.ii",
        "maps.iiiiii",
        "maps.ix",
        "maps.ix_hist",
        "maps.linear_empty",
        "maps.linear_large",
        "maps.linear_nearlyempty",
        "maps.linear_over",
        "maps.linear_under",
        "maps.log",
        "maps.map_hash_II",
        "maps.map_hash_SI",
        "maps.map_hash_stat_II",
        "maps.map_hash_stat_SI",
        "maps.map_wrap1",
        "maps.map_wrap2",
        "maps.ss",
        "printf.basic1",
        "printf.basic3",
        "printf.basic4",
        "printf.basic6",
        "printf.bin1",
        "printf.bin3",
        "printf.bin4",
        "printf.bin6",
        "printf.char1",
        "printf.end1",
        "printf.int1",
        "printf.oct",
        "printf.out1",
        "printf.out3",
        "printf.print",
        "printf.print_stats",
        "printf.printd",
        "printf.println",
        "printf.string1",
        "printf.string2",
        "string.isinstr",
        "string.sprint",
        "string.str_replace",
        "string.strcmp",
        "string.strlen",
        "string.strpos",
        "string.substr",
        "string.text_str",
    ];

    public static TheoryData<string> Cases => [.. Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunOutputEqualsExpected(string name)
    {
        string? corpus = ConformanceCorpus.Find();
        if (corpus is null)
        {
            Assert.False(ConformanceCorpus.Required, $"conformance corpus not found (set {ConformanceCorpus.Variable})");
            log.WriteLine("conformance corpus not found: nothing checked");
            return;
        }

        var (expected, stdout) = Run(corpus, name);
        Assert.Equal(expected, stdout);
    }

    /// <summary>
    /// The case's expected stdout and what its generated module printed. The manifest's ARGS
    /// are passed as frstap would get them: options (-u, -D, --compatible) before the script,
    /// words after a lone <c>--</c> after it, as $1, @1...
    /// </summary>
    internal static (string Expected, string Stdout) Run(string corpus, string name)
    {
        string directory = Path.Combine(corpus, "run");
        var outcome = InProcessFrstap.Run(Arguments(corpus, name), directory, GoldenCase.RepositoryTapset);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr); // pass 2 warnings may precede the C#
        var (stdout, _) = ModuleRun.Run(GeneratedModule.Create(outcome.Stdout, "conformance"));
        string expected = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(directory, name + ".expected")));
        return (expected, stdout);
    }

    /// <summary>frstap -p3 with the case's ARGS from the manifest (-u, -D…), then the script and its arguments.</summary>
    internal static List<string> Arguments(string corpus, string name)
    {
        var row = Manifest.Read(Path.Combine(corpus, Manifest.FileName)).Single(r => r.Id == "run/" + name);
        IReadOnlyList<string> words = row.Args == "-" ? [] : ShellWords.Split(row.Args);
        int separator = words.ToList().IndexOf("--");
        return ["-p3", "-m", "conformance", .. separator < 0 ? words : words.Take(separator), name + ".stp",
            .. separator < 0 ? [] : words.Skip(separator + 1)];
    }
}
