using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>Probe conditions, stap 5.6's combined handlers, and what follows a script error.</summary>
public class ProbeHandlerTests
{
    [Fact]
    public void AFalseConditionSkipsTheHandler()
    {
        var (stdout, stderr) = ScriptRun.Run("global on probe begin if (on) { println(\"no\") } probe begin { println(\"yes\") }");
        Assert.Equal("yes\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void AConditionIsEvaluatedAtEveryHit()
    {
        var (stdout, _) = ScriptRun.Run("global n probe timer.ms(1) if (n < 3) { n++; println(n) } probe timer.ms(2) { if (n >= 3) exit() }");
        Assert.Equal("1\n2\n3\n", stdout);
    }

    [Fact]
    public void CombinedBeginProbesAllRunAndTheErrorComesAfter()
    {
        const string script = "probe begin { println(1); error(\"first\") } probe begin { println(2); next; } probe begin { println(3) } probe end { println(\"end\") }";
        var (stdout, stderr) = ScriptRun.Run(script);
        Assert.Equal("1\n2\n3\n", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: first"), stderr);

        // With -u stap does not combine: the first error stops the session before the other begin probes.
        (stdout, stderr) = ScriptRun.Run(script, "-u");
        Assert.Equal("1\n", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: first"), stderr);
    }

    [Fact]
    public void CombinedProbesShareOneBudget()
    {
        const string script = "probe begin { for (i = 0; i < 3000; i++) a++ } probe begin { for (j = 0; j < 3000; j++) b++; println(\"done\") }";
        var (stdout, stderr) = ScriptRun.Run(script);
        Assert.Equal("", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: MAXACTION exceeded near identifier 'b' at <input>:1:89 in probe begin"), stderr);

        (stdout, stderr) = ScriptRun.Run(script, "-u");
        Assert.Equal("done\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void NextInAFunctionWithNoOtherOverloadFailsAtTheCall()
    {
        var (stdout, stderr) = ScriptRun.Run(
            "function f(x) { if (x) next; return 5 } probe begin { println(f(0)); try { println(f(1)) } catch (m) { println(m) } println(f(2)) }");
        Assert.Equal("5\nall functions exhausted\n", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: all functions exhausted near identifier 'f' at <input>:1:125 in probe begin"), stderr);
    }

    [Fact]
    public void AnErrorRunsTheErrorProbesNotTheEndProbes()
    {
        var (stdout, stderr) = ScriptRun.Run(
            "probe begin { println(\"begin\"); error(\"stop\") } probe begin(1) { println(\"no\") } probe end { println(\"end\") } probe error { println(\"error\") } probe error(1) { println(\"error1\") }");
        Assert.Equal("begin\nerror\nerror1\n", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: stop"), stderr);
    }
}
