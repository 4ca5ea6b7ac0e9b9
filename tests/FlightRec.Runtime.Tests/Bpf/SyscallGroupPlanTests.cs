using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>What the syscall number array of a grouped program holds.</summary>
public sealed class SyscallGroupPlanTests
{
    private const int EnterId = 443;
    private const int ExitId = 442;

    private static readonly SyscallGroupMember[] Members =
    [
        new(110, new TracepointCaptureSpec(0, 12, [])), // getppid: no arguments
        new(257, new TracepointCaptureSpec(1, 48, [24])), // openat: filename is a string
        new(3, new TracepointCaptureSpec(2, 24, [])), // close
        new(39, new TracepointCaptureSpec(3, 12, [])), // getpid: getppid's shape
    ];

    [Fact]
    public void MapHoldsEachNumbersProbeAndShape()
    {
        var plan = SyscallGroupPlan.Create(isEntry: true, EnterId, ExitId, Members);
        Assert.Equal([(110, 0, 1), (257, 1, 2), (3, 2, 3), (39, 3, 1)], plan.Entries());
        Assert.Equal(["12 bytes, strings at []", "48 bytes, strings at [24]", "24 bytes, strings at []"], plan.Shapes.Select(s => s.ToString()));
        Assert.Equal(258, plan.MapEntries);
        Assert.Equal((EnterId, (int?)ExitId), (plan.TracepointId, plan.CompletionTracepointId));

        // Each shape its own record size: header 56, the record (12 padded to 16), openat's string slot of 8 + 256.
        Assert.Equal([56 + 16, 56 + 48 + 8 + 256, 56 + 24], plan.Shapes.Select(s => plan.LayoutOf(s).TotalSize));
        Assert.Equal([2], plan.StringShapeIds());
    }

    [Fact]
    public void WithoutStringsNothingIsCompletedAtTheExit()
    {
        var plan = SyscallGroupPlan.Create(isEntry: true, EnterId, ExitId, [Members[0], Members[2]]);
        Assert.Null(plan.CompletionTracepointId);
        Assert.Empty(plan.StringShapeIds());
    }

    [Fact]
    public void ReturnProbesHaveOneShape()
    {
        var plan = SyscallGroupPlan.Create(
            isEntry: false, ExitId, ExitId, [new(110, new TracepointCaptureSpec(4, 24, [])), new(257, new TracepointCaptureSpec(5, 24, []))]);
        Assert.Equal([(110, 4, 1), (257, 5, 1)], plan.Entries());
        Assert.Null(plan.CompletionTracepointId);
        Assert.Equal(56 + 24, plan.LayoutOf(Assert.Single(plan.Shapes)).TotalSize);
    }

    [Fact]
    public void ValueIsProbeIndexThenShapeLittleEndian()
    {
        var value = new byte[SyscallGroupPlan.ValueSize];
        SyscallGroupPlan.WriteValue(value, 0x0102, 3);
        Assert.Equal(new byte[] { 0x02, 0x01, 0, 0, 3, 0, 0, 0 }, value);
    }

    [Fact]
    public void SameNumberTwiceIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => SyscallGroupPlan.Create(
            isEntry: true, EnterId, ExitId, [Members[0], new(110, new TracepointCaptureSpec(9, 12, []))]));
        Assert.StartsWith("syscall number 110 is negative or probed twice in one group", e.Message);
    }

    [Fact]
    public void RecordsThatAreNotSyscallRecordsAreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => SyscallGroupPlan.Create(
            isEntry: false, ExitId, null, [new(3, new TracepointCaptureSpec(0, 16, []))]));
        Assert.StartsWith("a sys_exit record of 16 bytes does not match raw_syscalls", e.Message);
        e = Assert.Throws<ArgumentException>(() => SyscallGroupPlan.Create(
            isEntry: true, EnterId, ExitId, [new(3, new TracepointCaptureSpec(0, 24, [8]))]));
        Assert.StartsWith("a user string at offset 8 is not an argument of the 24-byte record", e.Message);
    }

    [Fact]
    public void DifferentFiltersCannotShareAGroup()
    {
        var filtered = new TracepointCaptureSpec(7, 12, [], Filter: BpfCaptureFilter.ProcessId(BpfComparison.Equal, 42));
        var e = Assert.Throws<ArgumentException>(() => SyscallGroupPlan.Create(isEntry: true, EnterId, ExitId, [Members[0], new(1, filtered)]));
        Assert.StartsWith("the probes of a syscall group share their string length and their filter", e.Message);
    }
}
