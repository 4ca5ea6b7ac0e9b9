using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

public sealed class TracepointFormatTests : IDisposable
{
    private readonly FakeTracefs _tracefs = new FakeTracefs()
        .WithAvailableEvents("sched:sched_switch", "syscalls:sys_enter_openat", "sched:sched_process_exec", "test:shapes")
        .WithEvent("sched:sched_switch", FormatTexts.SchedSwitch)
        .WithEvent("syscalls:sys_enter_openat", FormatTexts.SysEnterOpenat)
        .WithEvent("sched:sched_process_exec", FormatTexts.ProcessExec)
        .WithEvent("test:shapes", FormatTexts.Shapes);

    public void Dispose() => _tracefs.Dispose();

    [Fact]
    public void SchedSwitchHasCommonFieldsApartAndCharArraysAsStrings()
    {
        var format = _tracefs.Open().Format("sched:sched_switch");

        Assert.Equal(("sched", "sched_switch", 372, "sched:sched_switch"), (format.Subsystem, format.Name, format.Id, format.FullName));
        Assert.Equal(
            [
                FieldTable.Header,
                "common_type|unsigned short|0|2|0|0|0|0|1",
                "common_flags|unsigned char|2|1|0|0|0|0|1",
                "common_preempt_count|unsigned char|3|1|0|0|0|0|1",
                "common_pid|int|4|4|1|0|0|0|1",
            ],
            FieldTable.Of(format.CommonFields));
        Assert.Equal(
            [
                FieldTable.Header,
                "prev_comm|char[16]|8|16|0|16|0|1|0",
                "prev_pid|pid_t|24|4|1|0|0|0|1",
                "prev_prio|int|28|4|1|0|0|0|1",
                "prev_state|long|32|8|1|0|0|0|1",
                "next_comm|char[16]|40|16|0|16|0|1|0",
                "next_pid|pid_t|56|4|1|0|0|0|1",
                "next_prio|int|60|4|1|0|0|0|1",
            ],
            FieldTable.Of(format.Fields));
        Assert.Equal(
            "\"prev_comm=%s prev_pid=%d ==> next_comm=%s next_pid=%d\", REC->prev_comm, REC->prev_pid, REC->next_comm, REC->next_pid",
            format.PrintFormat);
        Assert.Equal("char", format.Field("prev_comm")!.ElementCType);
        Assert.Null(format.Field("common_pid"));
    }

    [Fact]
    public void SyscallEntryHasAUserPointerThatIsAnInteger()
    {
        var format = _tracefs.Open().Format("syscalls:sys_enter_openat");

        Assert.Equal(782, format.Id);
        Assert.Equal(
            [
                FieldTable.Header,
                "__syscall_nr|int|8|4|1|0|0|0|1",
                "dfd|int|16|8|0|0|0|0|1",
                "filename|const char *|24|8|0|0|0|0|1",
                "flags|int|32|8|0|0|0|0|1",
                "mode|umode_t|40|8|0|0|0|0|1",
            ],
            FieldTable.Of(format.Fields));
    }

    [Fact]
    public void DataLocAndRelLocCharFieldsAreStringsOtherDynamicArraysAreNot()
    {
        var format = _tracefs.Open().Format("sched:sched_process_exec");

        Assert.Equal(
            [
                FieldTable.Header,
                "filename|__data_loc char[]|8|4|0|0|1|1|0",
                "pid|pid_t|12|4|1|0|0|0|1",
                "old_pid|pid_t|16|4|1|0|0|0|1",
                "note|__rel_loc char[]|20|4|0|0|1|1|0",
                "addrs|__data_loc u64[]|24|4|0|0|1|0|0",
            ],
            FieldTable.Of(format.Fields));
        Assert.Equal(
            ["filename:char:False", "note:char:True", "addrs:u64:False"],
            format.Fields.Where(f => f.IsDataLoc).Select(f => $"{f.Name}:{f.ElementCType}:{f.IsRelativeLoc}"));
    }

    [Fact]
    public void ArraysSizeExpressionsScalarSpellingsAndUnknownShapesAreKept()
    {
        var format = _tracefs.Open().Format("test:shapes");

        Assert.Equal(
            [
                FieldTable.Header,
                "args|unsigned long[6]|8|48|0|6|0|0|0",
                "comm|char[TASK_COMM_LEN]|56|16|0|16|0|1|0",
                "ids|u32[NR_IDS]|72|8|0|2|0|0|0",
                "fsid|u8[16]|80|16|0|16|0|0|0",
                "level|u8|96|1|0|0|0|0|1",
                "ok|bool|97|1|0|0|0|0|1",
                "count|unsigned int|100|4|0|0|0|0|1",
                "delta|long long|104|8|1|0|0|0|1",
                "cookie|const void*|112|8|0|0|0|0|1",
                "base|void __seg_gs *|120|8|0|0|0|0|1",
                "idx|enum zone_type|128|4|0|0|0|0|1",
                "both|struct pair|136|8|0|0|0|0|0",
                "int (*fn)(void)|int (*fn)(void)|144|8|0|0|0|0|1",
                "buf|char[]|152|0|0|0|0|1|0",
            ],
            FieldTable.Of(format.Fields));
        Assert.Equal("unsigned long", format.Field("args")!.ElementCType);
        Assert.True(format.Field("buf")!.IsFlexibleArray);
        Assert.Equal("\"%s\", REC->buf", format.PrintFormat);
    }

    [Fact]
    public void FormatsAreReadOnceAndCached()
    {
        var catalogue = _tracefs.Open();
        var first = catalogue.Format("sched:sched_switch");
        File.Delete(_tracefs.FormatPath("sched", "sched_switch"));

        Assert.Same(first, catalogue.Format("sched:sched_switch"));
    }

    [Fact]
    public void OldKernelLinesWithoutSignedAndWithFieldSpecialStillParse()
    {
        using var tracefs = new FakeTracefs().WithEvent(
            "old:ev",
            "name: ev\nID: 7\nformat:\n\tfield special:const char * name;\toffset:8;\tsize:8;\n\tfield:int value;\toffset:16;\tsize:4;\n");

        var format = tracefs.Open().Format("old:ev");

        Assert.Equal(
            [FieldTable.Header, "name|const char *|8|8|0|0|0|0|1", "value|int|16|4|0|0|0|0|1"],
            FieldTable.Of(format.Fields));
        Assert.Equal("", format.PrintFormat);
    }
}
