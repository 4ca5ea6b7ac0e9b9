using System.Buffers.Binary;
using System.Text;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Providers.Tracepoints;
using FlightRec.Runtime.Tapset;
using FlightRec.Runtime.Tests.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Tapset;

public sealed class TapsetTracepointTests
{
    private static TracepointFormat Format(string text, string subsystem, string name) =>
        TracepointFormatParser.Parse(text, "format", subsystem, name);

    private static ProbeContext Context(TracepointFormat format, byte[] record, params string[] slots)
    {
        var recordEvent = new TracepointEvent();
        recordEvent.Load(record, new TracepointEventLayout(format, slots));
        return new ProbeContext { Event = recordEvent };
    }

    private static byte[] SchedSwitchRecord()
    {
        var record = new byte[64];
        Encoding.ASCII.GetBytes("bash").CopyTo(record, 8);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(24), 4242);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(28), -20);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(32), 1);
        Encoding.ASCII.GetBytes("swapper/1_with_a").CopyTo(record, 40);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(56), 0);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(60), 120);
        return record;
    }

    [Fact]
    public void FieldsReadByTheirSlotsWithSignAndStringRules()
    {
        var format = Format(FormatTexts.SchedSwitch, "sched", "sched_switch");
        var context = Context(format, SchedSwitchRecord(), "next_comm", "prev_pid", "prev_prio", "prev_comm");

        Assert.Equal("bash", TapsetTracepoint.Text(context, 3));
        Assert.Equal(4242, TapsetTracepoint.Long(context, 1));
        Assert.Equal(-20, TapsetTracepoint.Long(context, 2));
        // A full char[16] has no NUL: all 16 bytes, never past the field.
        Assert.Equal("swapper/1_with_a", TapsetTracepoint.Text(context, 0));
        Assert.Equal("sched:sched_switch", TapsetTracepoint.Name(context));
    }

    [Fact]
    public void VarsListsEveryFieldAsStapPrettyPrintsThem()
    {
        var context = Context(Format(FormatTexts.SchedSwitch, "sched", "sched_switch"), SchedSwitchRecord());

        Assert.Equal(
            "prev_comm=\"bash\" prev_pid=0x1092 prev_prio=0xffffffffffffffec prev_state=0x1 "
            + "next_comm=\"swapper/1_with_a\" next_pid=0x0 next_prio=0x78",
            TapsetTracepoint.Vars(context));
    }

    [Fact]
    public void DataLocAndRelLocStringsComeFromTheDynamicArea()
    {
        var record = new byte[64];
        byte[] filename = Encoding.ASCII.GetBytes("/usr/bin/cat\0");
        filename.CopyTo(record, 32);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)(32 | (filename.Length << 16)));
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(12), 77);
        // __rel_loc counts from the end of the field (offset 20 + size 4 = 24).
        Encoding.ASCII.GetBytes("hi\0").CopyTo(record, 48);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(20), (uint)(24 | (3 << 16)));
        var context = Context(Format(FormatTexts.ProcessExec, "sched", "sched_process_exec"), record, "filename", "pid", "note");

        Assert.Equal("/usr/bin/cat", TapsetTracepoint.Text(context, 0));
        Assert.Equal(77, TapsetTracepoint.Long(context, 1));
        Assert.Equal("hi", TapsetTracepoint.Text(context, 2));
    }

    [Fact]
    public void DataPastTheCapturedEndReadsCutNotPastTheRecord()
    {
        // An eBPF capture keeps 28 bytes: the filename's 13 bytes at 20 are cut after 8.
        var record = new byte[28];
        Encoding.ASCII.GetBytes("/usr/bin").CopyTo(record, 20);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), 20 | (13 << 16));
        var context = Context(Format(FormatTexts.ProcessExec, "sched", "sched_process_exec"), record, "filename");

        Assert.Equal("/usr/bin", TapsetTracepoint.Text(context, 0));
    }

    [Fact]
    public void ADamagedLocationReadsAsEmptyNotPastTheRecord()
    {
        var record = new byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), 30 | (100 << 16));
        var context = Context(Format(FormatTexts.ProcessExec, "sched", "sched_process_exec"), record, "filename");

        Assert.Equal("", TapsetTracepoint.Text(context, 0));
    }

    [Fact]
    public void ArrayElementsHaveTheirElementWidthAndRange()
    {
        var record = new byte[160];
        for (int i = 0; i < 6; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(8 + (8 * i)), 100 + i);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(76), 0xfffffffe);
        var context = Context(Format(FormatTexts.Shapes, "test", "shapes"), record, "args", "ids");

        Assert.Equal(105, TapsetTracepoint.Element(context, 0, 5));
        Assert.Equal(0xfffffffe, TapsetTracepoint.Element(context, 1, 1));
        var error = Assert.Throws<ScriptError>(() => TapsetTracepoint.Element(context, 0, 6, "identifier '$args' at t.frs:1:2"));
        Assert.Equal("ERROR: target variable index 6 out of range for $args near identifier '$args' at t.frs:1:2", error.Report);
    }

    [Fact]
    public void WithoutARecordItIsAScriptErrorNotACrash()
    {
        var error = Assert.Throws<ScriptError>(() => TapsetTracepoint.Name(new ProbeContext()));
        Assert.Equal("no tracepoint record in this probe", error.Message);
    }

    [Fact]
    public void ALargerRecordGrowsTheBufferOnce()
    {
        var format = Format(FormatTexts.SchedSwitch, "sched", "sched_switch");
        var recordEvent = new TracepointEvent();
        var layout = new TracepointEventLayout(format, ["prev_pid"]);
        var big = new byte[1000];
        BinaryPrimitives.WriteInt32LittleEndian(big.AsSpan(24), 9);

        recordEvent.Load(big, layout);
        recordEvent.Load(SchedSwitchRecord(), layout);

        Assert.Equal(64, recordEvent.Length);
        Assert.Equal(4242, TapsetTracepoint.Long(new ProbeContext { Event = recordEvent }, 0));
    }
}
