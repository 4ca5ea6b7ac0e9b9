using System.Collections.Immutable;
using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>Which syscall probes share one raw_syscalls program, and which keep their tracepoint.</summary>
public sealed class SyscallGroupingTests
{
    private static readonly ImmutableArray<TracepointField> Common =
    [
        new("common_type", "unsigned short", 0, 2, false, 0, false),
        new("common_flags", "unsigned char", 2, 1, false, 0, false),
        new("common_preempt_count", "unsigned char", 3, 1, false, 0, false),
        new("common_pid", "int", 4, 4, true, 0, false),
    ];

    private static readonly TracepointFormat RawEnter = new(
        "raw_syscalls", "sys_enter", 443, Common, [Field("id", "long", 8, 8), new("args", "unsigned long[6]", 16, 48, false, 6, false)], "");

    private static readonly TracepointFormat RawExit = new(
        "raw_syscalls", "sys_exit", 442, Common, [Field("id", "long", 8, 8), Field("ret", "long", 16, 8)], "");

    // s0..s39 are syscalls 0..39; "unknown" has no number.
    private static readonly Dictionary<string, int> Numbers = Enumerable.Range(0, 40).ToDictionary(i => $"s{i}", i => i);

    private static TracepointField Field(string name, string type, int offset, int size) => new(name, type, offset, size, true, 0, false);

    private static TracepointFormat Enter(string name, int arguments) => new(
        "syscalls",
        "sys_enter_" + name,
        1000,
        Common,
        [Field("__syscall_nr", "int", 8, 4), .. Enumerable.Range(0, arguments).Select(a => Field($"a{a}", "long", 16 + (8 * a), 8))],
        "");

    private static TracepointFormat Exit(string name) => new(
        "syscalls", "sys_exit_" + name, 2000, Common, [Field("__syscall_nr", "int", 8, 4), Field("ret", "long", 16, 8)], "");

    private static IReadOnlyList<SyscallGroupPlan> Plan(IReadOnlyList<TracepointFormat> formats, Func<int, BpfCaptureFilter?>? filter = null,
        TracepointFormat? rawEnter = null, TracepointFormat? rawExit = null)
    {
        var specs = formats.Select((f, i) => TracepointCaptureSpec.ForFormat(f, i, [], filter: filter?.Invoke(i))).ToList();
        return SyscallGrouping.Plan(formats, specs, rawEnter ?? RawEnter, rawExit ?? RawExit, Numbers);
    }

    private static List<TracepointFormat> Entries(int count) => [.. Enumerable.Range(0, count).Select(i => Enter($"s{i}", i % 7))];

    [Fact]
    public void SixteenEntryProbesShareOneProgram()
    {
        var plan = Assert.Single(Plan(Entries(16)));
        Assert.True(plan.IsEntry);
        Assert.Equal(443, plan.TracepointId);
        Assert.Equal(Enumerable.Range(0, 16), plan.Members.Select(m => m.ProbeIndex));
        Assert.Equal(Enumerable.Range(0, 16), plan.Members.Select(m => m.Number));
        Assert.Equal(7, plan.Shapes.Length); // 0 to 6 arguments
    }

    [Fact]
    public void FifteenKeepTheirOwnTracepoints() => Assert.Empty(Plan(Entries(SyscallGrouping.Threshold - 1)));

    [Fact]
    public void SecondProbeOfOneSyscallKeepsItsTracepoint()
    {
        var formats = Entries(16);
        formats.Add(Enter("s3", 3));
        var plan = Assert.Single(Plan(formats));
        Assert.DoesNotContain(16, plan.Members.Select(m => m.ProbeIndex));
        Assert.Equal(16, plan.Members.Length);
    }

    [Fact]
    public void ReturnProbesFormTheirOwnGroupAfterTheEntries()
    {
        var formats = Enumerable.Range(0, 20).Select(i => Exit($"s{i}")).Concat(Entries(16)).ToList();
        var plans = Plan(formats);
        Assert.Equal([true, false], plans.Select(p => p.IsEntry));
        Assert.Equal(442, plans[1].TracepointId);
        Assert.Equal(Enumerable.Range(0, 20), plans[1].Members.Select(m => m.ProbeIndex));
    }

    [Fact]
    public void ProbesWithDifferentFiltersAreGroupedApart()
    {
        var plans = Plan(Entries(40), i => i < 20 ? null : BpfCaptureFilter.ProcessId(BpfComparison.Equal, 7));
        Assert.Equal(2, plans.Count);
        Assert.Null(plans[0].Filter);
        Assert.Equal(BpfCaptureFilter.ProcessId(BpfComparison.Equal, 7), plans[1].Filter);
    }

    [Fact]
    public void UnknownNumbersAndOtherTracepointsKeepTheirOwn()
    {
        var formats = Entries(16);
        formats.Add(Enter("unknown", 1));
        formats.Add(new TracepointFormat("sched", "sched_switch", 3, Common, [Field("prev_pid", "int", 8, 4)], ""));
        var plan = Assert.Single(Plan(formats));
        Assert.Equal(16, plan.Members.Length);
    }

    [Fact]
    public void UnexpectedLayoutsAreNotGrouped()
    {
        // A raw_syscalls:sys_enter without args[6] at 16, or sys_enter_X with a 4-byte argument.
        var oddRaw = RawEnter with { Fields = [Field("id", "long", 8, 8)] };
        Assert.Empty(Plan(Entries(16), rawEnter: oddRaw));
        var formats = Entries(16);
        formats[0] = formats[0] with { Fields = [Field("__syscall_nr", "int", 8, 4), Field("a0", "int", 16, 4)] };
        Assert.Empty(Plan(formats));
    }
}
