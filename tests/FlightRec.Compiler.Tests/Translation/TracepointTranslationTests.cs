using System.Buffers.Binary;
using System.Text;
using FlightRec.Compiler.Tests.Golden;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Providers.Tracepoints;
using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// kernel.trace handlers at pass 3 against the hand-written tracefs of tests/golden/p2: fields
/// are read by slot from the record of whichever event fired, so one handler serves every event
/// of a wildcard even where their offsets differ.
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public sealed class TracepointTranslationTests
{
    private static readonly string Tracefs = Path.Combine(GoldenCase.P2Directory, "tracefs");

    private static ProbeModule Build(string script)
    {
        var outcome = InProcessFrstap.Run(["-p3", "-m", "tp", "-e", script], GoldenCase.P2Directory, GoldenCase.RepositoryTapset, Tracefs);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        return GeneratedModule.Create(outcome.Stdout, "tp");
    }

    [Fact]
    public void FieldsNameAndVarsComeFromTheRecordOfTheEvent()
    {
        var module = Build("probe kernel.trace(\"sched:sched_switch\") { printf(\"%s %d [%s] %s|%s\\n\", $prev_comm, $next_pid, $$name, $$vars, $$parms) }");
        var probe = Assert.Single(module.Probes);
        Assert.Equal((ProbeKind.Event, "kernel.trace(\"sched:sched_switch\")"), (probe.Kind, probe.Point));
        Assert.Equal(["prev_comm", "next_pid"], probe.TargetFields);

        var format = TracefsCatalogue.Open(Tracefs).Format("sched:sched_switch");
        var record = new byte[64];
        Encoding.ASCII.GetBytes("bash").CopyTo(record, format.Field("prev_comm")!.Offset);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(format.Field("next_pid")!.Offset), 31337);

        string output = Fire(module, probe, format, record);

        string[] vars = output.TrimEnd('\n').Split('|');
        Assert.StartsWith("bash 31337 [sched:sched_switch] prev_comm=\"bash\" prev_pid=0x0 ", output);
        Assert.Equal(vars[0][(vars[0].IndexOf("] ", StringComparison.Ordinal) + 2)..], vars[1]);
    }

    [Fact]
    public void ANumericFieldIsALongInExpressions()
    {
        var module = Build("probe kernel.trace(\"syscalls:sys_enter_openat\") { println($flags + 1) }");
        var probe = Assert.Single(module.Probes);
        var format = TracefsCatalogue.Open(Tracefs).Format("syscalls:sys_enter_openat");
        var record = new byte[48];
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(format.Field("flags")!.Offset), 0x80000);

        Assert.Equal(["flags"], probe.TargetFields);
        Assert.Equal("524289\n", Fire(module, probe, format, record));
    }

    [Theory]
    [InlineData("if (pid() == 42) n++", "ProcessId True 42 ")]
    [InlineData("if (1234 != tid()) n++", "ThreadId False 1234 ")]
    [InlineData("if (execname() == \"cat\") { n++ }", "ExecName True 0 cat")]
    [InlineData("if (pid() == 42) n++ else n--", "none")]
    [InlineData("n++; if (pid() == 42) n++", "none")]
    [InlineData("if (pid() > 42) n++", "none")]
    [InlineData("if (pid() == target()) n++", "none")]
    [InlineData("if ($prev_pid == 0) n++", "Field True 0 prev_pid")]
    [InlineData("if (7 != $next_prio) n++", "Field False 7 next_prio")]
    [InlineData("if ($prev_pid == $next_pid) n++", "none")]
    public void AHandlerThatOnlyTestsItsTaskFirstGetsAKernelFilter(string body, string expected)
    {
        var module = Build("global n probe kernel.trace(\"sched:sched_switch\") { " + body + " } probe end { println(n) }");
        var filter = module.Probes.Single(p => p.Kind == ProbeKind.Event).EventFilter;

        Assert.Equal(expected, filter is null ? "none" : $"{filter.Subject} {filter.Equal} {filter.Number} {filter.Text}");
    }

    private static string Fire(ProbeModule module, ProbeDescriptor probe, TracepointFormat format, byte[] record)
    {
        var output = new Sink();
        using var session = new ScriptSession(module, output, new StringWriter());
        var context = session.CreateContext(cpu: 0);
        session.Start(context);
        var recordEvent = new TracepointEvent();
        recordEvent.Load(record, new TracepointEventLayout(format, probe.TargetFields));
        context.Probe.Event = recordEvent;
        session.Fire(probe, context);
        session.Stop(context);
        return output.Text;
    }

    private sealed class Sink : IOutputSink
    {
        private readonly List<byte> _bytes = [];

        public string Text => Encoding.Latin1.GetString([.. _bytes]);

        public void Commit(ReadOnlySpan<byte> output) => _bytes.AddRange(output.ToArray());
    }
}
