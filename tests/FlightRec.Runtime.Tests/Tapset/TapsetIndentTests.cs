using FlightRec.Runtime.Context;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetIndentTests
{
    private static (ProbeContext Context, FakeClock Clock) Create()
    {
        var clock = new FakeClock { RealtimeNanoseconds = 1_000_000_000_000 };
        return (new ProbeContext { Clock = clock, ExecName = "bash", Tid = 1234 }, clock);
    }

    [Fact]
    public void Thread_indent_entry_uses_the_new_depth_and_exit_the_old_one()
    {
        var (context, clock) = Create();
        Assert.Equal("     0 bash(1234):", TapsetIndent.ThreadIndent(context, 1));
        clock.RealtimeNanoseconds += 5_000;
        Assert.Equal("     5 bash(1234): ", TapsetIndent.ThreadIndent(context, 1));
        clock.RealtimeNanoseconds += 12_345_000;
        Assert.Equal(" 12350 bash(1234): ", TapsetIndent.ThreadIndent(context, -1));
        clock.RealtimeNanoseconds += 1_000;
        Assert.Equal(" 12351 bash(1234):", TapsetIndent.ThreadIndent(context, -1));

        // The counter is back at 0: the next call starts a new base time.
        clock.RealtimeNanoseconds += 7_000_000;
        Assert.Equal("     0 bash(1234):", TapsetIndent.ThreadIndent(context, 1));
    }

    [Fact]
    public void Thread_indent_keeps_one_counter_per_tid()
    {
        var (context, clock) = Create();
        Assert.Equal("     0 bash(1234):", TapsetIndent.ThreadIndent(context, 1));
        Assert.Equal("     0 bash(1234): ", TapsetIndent.ThreadIndent(context, 1));
        context.Tid = 99;
        context.ExecName = "sh";
        clock.RealtimeNanoseconds += 3_000;
        Assert.Equal("     0 sh(99):", TapsetIndent.ThreadIndent(context, 1));
        context.Tid = 1234;
        context.ExecName = "bash";
        Assert.Equal("     3 bash(1234):  ", TapsetIndent.ThreadIndent(context, 1));
        Assert.Equal(2, TapsetIndent.ThreadIndentDepth(context, 0));
    }

    [Fact]
    public void Zero_delta_and_large_elapsed_times()
    {
        var (context, clock) = Create();
        Assert.Equal("     0 bash(1234):", TapsetIndent.ThreadIndent(context, 0));
        clock.RealtimeNanoseconds += 1_234_567_000;
        Assert.Equal("     0 bash(1234):", TapsetIndent.ThreadIndent(context, 0));
        Assert.Equal("     0 bash(1234): ", TapsetIndent.ThreadIndent(context, 2));
        clock.RealtimeNanoseconds += 1_234_567_000;
        Assert.Equal("1234567 bash(1234):  ", TapsetIndent.ThreadIndent(context, 1));
    }

    [Fact]
    public void Indent_uses_one_global_counter_and_no_description()
    {
        var (context, clock) = Create();
        Assert.Equal("     0 :", TapsetIndent.Indent(context, 1));
        context.Tid = 5;
        clock.RealtimeNanoseconds += 2_000;
        Assert.Equal("     2 : ", TapsetIndent.Indent(context, 1));
        Assert.Equal(1, TapsetIndent.IndentDepth(context, -1));
        Assert.Equal(0, TapsetIndent.IndentDepth(context, -1));
    }

    [Fact]
    public void Depth_functions_follow_the_same_bookkeeping()
    {
        var (context, _) = Create();
        Assert.Equal(0, TapsetIndent.ThreadIndentDepth(context, 1));
        Assert.Equal(1, TapsetIndent.ThreadIndentDepth(context, 1));
        Assert.Equal(3, TapsetIndent.ThreadIndentDepth(context, 2));
        Assert.Equal(3, TapsetIndent.ThreadIndentDepth(context, -1));
        Assert.Equal(2, TapsetIndent.ThreadIndentDepth(context, -3));
        Assert.Equal(0, TapsetIndent.ThreadIndentDepth(context, -1));
        Assert.Equal(0, TapsetIndent.ThreadIndentDepth(context, 0));
    }
}
