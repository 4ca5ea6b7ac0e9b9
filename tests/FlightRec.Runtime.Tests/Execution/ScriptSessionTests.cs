using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Execution;

public sealed class ScriptSessionTests
{
    private static (string Stdout, string Stderr, ScriptSession Session) Run(TestModule module, Action<ScriptSession, HandlerContext>? running = null)
    {
        var sink = new CollectingSink();
        var stderr = new StringWriter();
        var session = new ScriptSession(module, sink, stderr);
        var context = session.CreateContext(0);
        session.Start(context);
        running?.Invoke(session, context);
        session.Stop(context);
        return (sink.Text, stderr.ToString(), session);
    }

    private static void Println(HandlerContext c, string s) => c.Output.Append(s + "\n");

    [Fact]
    public void BeginEndAndErrorProbesFollowTheLifeCycleOfBeginEndError()
    {
        // LANGUAGE.md B.8 (testsuite beginenderror): an error in the first begin probe skips the
        // rest of it, the other begin probes and the end probes; every error probe runs.
        var m = new TestModule();
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            Println(c, "ok " + c.ProbePoint);
            Println(c, ScriptMath.Divide(1, 0, "operator '/' at t.frs:1:40").ToString());
            Println(c, "ko " + c.ProbePoint);
        });
        m.Add(ProbeKind.Begin, "begin(10)", c => Println(c, "ko " + c.ProbePoint), order: 10);
        m.Add(ProbeKind.End, "end", c => Println(c, "ko " + c.ProbePoint));
        m.Add(ProbeKind.End, "end(10)", c => Println(c, "ko " + c.ProbePoint), order: 10);
        m.Add(ProbeKind.Error, "error", c => Println(c, "ok " + c.ProbePoint));
        m.Add(ProbeKind.Error, "error(10)", c => Println(c, "ok " + c.ProbePoint), order: 10);
        m.Add(ProbeKind.Error, "error(20)", c =>
        {
            Println(c, ScriptMath.Divide(1, 0, "operator '/' at t.frs:5:30").ToString());
            Println(c, "ko " + c.ProbePoint);
        }, order: 20);
        m.Add(ProbeKind.Error, "error(30)", c => Println(c, ScriptMath.Divide(1, 0, "operator '/' at t.frs:5:30").ToString()), order: 30);

        var (stdout, stderr, session) = Run(m);

        Assert.Equal("ok begin\nok error\nok error(10)\n", stdout);
        Assert.Equal(
            "ERROR: division by 0 near operator '/' at t.frs:1:40 in probe begin\n" +
            "ERROR: division by 0 near operator '/' at t.frs:5:30 in probe error(20)\n" +
            "ERROR: division by 0 near operator '/' at t.frs:5:30 in probe error(30)\n" +
            "WARNING: Number of errors: 3, skipped probes: 0\n", stderr);
        Assert.Equal(SessionState.Stopped, session.State);
    }

    [Fact]
    public void ExitFinishesTheHandlerSkipsLaterBeginProbesAndRunsEndProbes()
    {
        var m = new TestModule();
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            c.Session.RequestExit();
            Println(c, "after exit");
        });
        m.Add(ProbeKind.Begin, "begin(1)", c => Println(c, "skipped"), order: 1);
        m.Add(ProbeKind.End, "end", c => Println(c, "end"));

        var (stdout, stderr, _) = Run(m);

        Assert.Equal("after exit\nend\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void AbortEndsTheHandlerAtOnceWithoutAnErrorAndEndProbesStillRun()
    {
        var m = new TestModule();
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            Println(c, "before");
            c.Session.Abort();
            throw new FlightRec.Runtime.Tapset.AbortException();
        });
        m.Add(ProbeKind.Begin, "begin(1)", c => Println(c, "skipped"), order: 1);
        m.Add(ProbeKind.End, "end", c => Println(c, "end"));

        var (stdout, stderr, session) = Run(m);

        Assert.Equal("before\nend\n", stdout);
        Assert.Equal("", stderr);
        Assert.Equal(0, session.ErrorCount);
    }

    [Fact]
    public void TapsetFunctionsReachTheSessionThroughTheHandlersProbeContext()
    {
        var m = new TestModule(new ModuleOptions("ctx"));
        var tick = m.Add(ProbeKind.Event, "timer.ms(10)", c =>
        {
            FlightRec.Runtime.Tapset.TapsetControl.Log(c.Probe, FlightRec.Runtime.Tapset.TapsetContext.Pp(c.Probe));
            FlightRec.Runtime.Tapset.TapsetControl.Log(c.Probe, FlightRec.Runtime.Tapset.TapsetContext.ModuleName(c.Probe));
            FlightRec.Runtime.Tapset.TapsetControl.Warn(c.Probe, "from " + FlightRec.Runtime.Tapset.TapsetContext.Pp(c.Probe));
            FlightRec.Runtime.Tapset.TapsetControl.Exit(c.Probe);
        });

        var (stdout, stderr, session) = Run(m, (s, c) => s.Fire(tick, c));

        Assert.Equal("timer.ms(10)\nctx\n", stdout);
        Assert.Equal("WARNING: from timer.ms(10)\n", stderr);
        Assert.Equal(SessionState.Stopped, session.State);
    }

    [Fact]
    public void AFaultyModuleIsReportedAsAnErrorAndDoesNotTakeTheHostDown()
    {
        var bad = FlightRec.Runtime.Formatting.FormatString.Parse("%d %d\n").Format!;
        var m = new TestModule(new ModuleOptions("t") { Limits = ScriptLimits.Default with { MaxErrors = 5 } });
        var tick = m.Add(ProbeKind.Event, "timer.ms(10)", c =>
            FlightRec.Runtime.Formatting.ScriptPrinter.Printf(c.Output, bad, [1L]));
        m.Add(ProbeKind.End, "end", c => Println(c, "end"));

        var (stdout, stderr, session) = Run(m, (s, c) => s.Fire(tick, c));

        Assert.Equal("end\n", stdout);
        Assert.Equal(
            "ERROR: module fault in probe timer.ms(10): ArgumentException: format \"%d %d\n\" takes 2 arguments, got 1 (Parameter 'args')\n" +
            "WARNING: Number of errors: 1, skipped probes: 0\n", stderr);
        Assert.Equal(1, session.ErrorCount);
    }

    [Fact]
    public void BeginProbesRunByOrderThenDeclaration()
    {
        var m = new TestModule();
        m.Add(ProbeKind.Begin, "begin(5)", c => Println(c, "b5"), order: 5);
        m.Add(ProbeKind.Begin, "begin", c => Println(c, "b0-first"));
        m.Add(ProbeKind.Begin, "begin(-1)", c => Println(c, "b-1"), order: -1);
        m.Add(ProbeKind.Begin, "begin(0)", c => Println(c, "b0-second"));

        Assert.Equal("b-1\nb0-first\nb0-second\nb5\n", Run(m).Stdout);
    }

    [Fact]
    public void ErrorsUpToMaxErrorsAreToleratedAndCounted()
    {
        var m = new TestModule(new ModuleOptions("t") { Limits = ScriptLimits.Default with { MaxErrors = 1 } });
        m.Add(ProbeKind.Begin, "begin", _ => throw new ScriptError("boom"));
        m.Add(ProbeKind.Begin, "begin(1)", c => Println(c, "still starting"), order: 1);
        m.Add(ProbeKind.End, "end", c => Println(c, "end"));

        var (stdout, stderr, session) = Run(m);

        Assert.Equal("still starting\nend\n", stdout);
        Assert.Equal("ERROR: boom\nWARNING: Number of errors: 1, skipped probes: 0\n", stderr);
        Assert.Equal(1, session.ErrorCount);
    }

    [Fact]
    public void EventProbesFireOnlyWhileRunning()
    {
        var m = new TestModule();
        var tick = m.Add(ProbeKind.Event, "timer.ms(10)", c => Println(c, "tick"));
        m.Add(ProbeKind.Begin, "begin", c => Assert.False(c.Session.Fire(tick, c.Session.CreateContext(1))));

        var (stdout, _, _) = Run(m, (s, c) =>
        {
            Assert.True(s.Fire(tick, c));
            s.RequestExit();
            Assert.False(s.Fire(tick, c));
        });

        Assert.Equal("tick\n", stdout);
    }

    [Fact]
    public void MaxActionIsNotCatchableAndNamesTheStatement()
    {
        var m = new TestModule(new ModuleOptions("t") { Limits = ScriptLimits.Default with { MaxActionInterruptible = 500 } });
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            // for (i = 0; i < 498; i++) {} costs 2 + 498 + 1 = 501 (LANGUAGE.md §5.11).
            c.Charge(2, "keyword at t.frs:1:15");
            for (int i = 0; i < 498; i++)
            {
                c.Charge(1, "keyword at t.frs:1:15");
            }

            c.Charge(1, "operator '{' at t.frs:1:13");
        });

        var (_, stderr, _) = Run(m);

        Assert.StartsWith("ERROR: MAXACTION exceeded near keyword at t.frs:1:15 in probe begin\n", stderr);
    }

    [Fact]
    public void MaxActionBudgetOf502PassesTheSameLoop()
    {
        var m = new TestModule(new ModuleOptions("t") { Limits = ScriptLimits.Default with { MaxActionInterruptible = 502 } });
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            c.Charge(2, "keyword at t.frs:1:15");
            for (int i = 0; i < 498; i++)
            {
                c.Charge(1, "keyword at t.frs:1:15");
            }

            c.Charge(1, "operator '{' at t.frs:1:13");
            Println(c, "done");
        });

        Assert.Equal("done\n", Run(m).Stdout);
    }

    [Fact]
    public void MaxNestingNamesTheCalleeAndTheCallChain()
    {
        var m = new TestModule(new ModuleOptions("t") { Limits = ScriptLimits.Default with { MaxNesting = 2 } });
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            c.EnterFunction("identifier 'recurse' at t.frs:5:15", "identifier 'recurse' at t.frs:1:10");
            c.EnterFunction("identifier 'recurse' at t.frs:2:20", "identifier 'recurse' at t.frs:1:10");
            c.EnterFunction("identifier 'recurse' at t.frs:2:20", "identifier 'recurse' at t.frs:1:10");
        });

        var (_, stderr, _) = Run(m);

        Assert.StartsWith(
            "ERROR: MAXNESTING exceeded near identifier 'recurse' at t.frs:1:10 " +
            "(called from identifier 'recurse' at t.frs:2:20) (called from identifier 'recurse' at t.frs:5:15) in probe begin\n",
            stderr);
    }

    [Fact]
    public void WarningsAreDeduplicated()
    {
        var m = new TestModule();
        m.Add(ProbeKind.Begin, "begin", c =>
        {
            c.Session.Warn("careful");
            c.Session.Warn("careful\n");
            c.Session.Warn("other");
        });

        Assert.Equal("WARNING: careful\nWARNING: other\n", Run(m).Stderr);
    }

    [Fact]
    public void ModulesBuiltForAnotherAbiAreRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ScriptSession(new OldModule(), new CollectingSink(), TextWriter.Null));
        Assert.Equal("module old was built for FlightRec module ABI 0, but this runtime implements ABI 1; rebuild it with this frstap", e.Message);
    }

    private sealed class OldModule : ProbeModule
    {
        public override int AbiVersion => 0;

        public override ModuleOptions Options { get; } = new("old");

        public override IReadOnlyList<GlobalDescriptor> Globals => [];

        public override IReadOnlyList<ProbeDescriptor> Probes => [];

        public override void InitializeGlobals()
        {
        }
    }
}
