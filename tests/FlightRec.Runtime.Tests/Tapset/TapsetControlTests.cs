using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Tapset;

public class TapsetControlTests
{
    [Fact]
    public void Log_appends_a_line_to_the_output_buffer()
    {
        var sink = new ListSink();
        var output = new OutputBuffer(sink);
        var context = new ProbeContext { Output = output };
        TapsetControl.Log(context, "hello");
        TapsetControl.Log(context, "");
        output.Flush();
        Assert.Equal("hello\n\n", sink.Text.ToString());
    }

    [Fact]
    public void Warn_and_exit_go_to_the_session_and_the_handler_continues()
    {
        var session = new RecordingSession();
        var context = new ProbeContext { Session = session };
        TapsetControl.Warn(context, "careful");
        TapsetControl.Exit(context);
        Assert.Equal(["warn:careful", "exit"], session.Calls);
    }

    [Fact]
    public void Abort_stops_the_session_and_throws_past_script_catch_blocks()
    {
        var session = new RecordingSession();
        var context = new ProbeContext { Session = session };
        Exception e = Assert.Throws<AbortException>(() => TapsetControl.Abort(context));
        Assert.IsNotType<ScriptError>(e);
        Assert.Equal(["abort"], session.Calls);
    }

    [Fact]
    public void Error_raises_exactly_the_message_without_location()
    {
        var e = Assert.Throws<ScriptError>(() => TapsetControl.Error("context test fail"));
        Assert.Equal("context test fail", e.Message);
        Assert.Null(e.Near);
        Assert.True(e.Catchable);
        Assert.Equal("ERROR: context test fail", e.Report);
    }

    [Fact]
    public void Assert_both_arities()
    {
        TapsetControl.Assert(1);
        TapsetControl.Assert(-5, "never");
        Assert.Equal("Assertion failed", Assert.Throws<ScriptError>(() => TapsetControl.Assert(0)).Message);
        Assert.Equal("x too big", Assert.Throws<ScriptError>(() => TapsetControl.Assert(0, "x too big")).Message);
    }
}
