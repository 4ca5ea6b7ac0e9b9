using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// MAXACTION as stap charges it (translate.cxx record_actions and max_action_info): the
/// thresholds and error locations below were worked out from stap 4.8's -p3 C for the same scripts.
/// </summary>
public class MaxactionTests
{
    // init + test: 2; each iteration 1 at the body; the increment once after the loop: 501 in all.
    [Theory]
    [InlineData("500", "ERROR: MAXACTION exceeded near operator '{' at <input>:1:41 in probe begin")]
    [InlineData("502", "")]
    public void AnEmptyLoopCostsOnePerIteration(string budget, string error)
    {
        var (_, stderr) = ScriptRun.Run("probe begin { for (i = 0; i < 498; i++) {} }", "-u", "-DMAXACTION_INTERRUPTIBLE=" + budget);
        Assert.Equal(error.Length == 0 ? "" : ScriptRun.OneError(error), stderr);
    }

    [Fact]
    public void DefineMaxactionChangesTheOutcome()
    {
        const string script = "probe begin { for (k = 0; k < 9000; k++) s += k; println(s) }";
        var (stdout, stderr) = ScriptRun.Run(script);
        Assert.Equal("", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: MAXACTION exceeded near identifier 's' at <input>:1:42 in probe begin"), stderr);

        (stdout, stderr) = ScriptRun.Run(script, "-DMAXACTION=10000");
        Assert.Equal("40495500\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void ALoopFreeProbeIsCheckedOnceOnEntryWithNoLocation()
    {
        var (stdout, stderr) = ScriptRun.Run("probe begin { a = 1; b = 2; c = 3; println(a + b + c) }", "-DMAXACTION_INTERRUPTIBLE=3");
        Assert.Equal("", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: MAXACTION exceeded"), stderr);
    }

    [Fact]
    public void ALoopFreeFunctionIsCheckedOnEntryAtItsDeclaration()
    {
        // 2 charged before the loop; f needs 3.
        var (stdout, stderr) = ScriptRun.Run(
            "function f() { a = 1; b = 2; return a + b } probe begin { for (i = 0; i < 1; i++) println(f()) }", "-DMAXACTION_INTERRUPTIBLE=4");
        Assert.Equal("", stdout);
        Assert.Equal(ScriptRun.OneError(
            "ERROR: MAXACTION exceeded near identifier 'f' at <input>:1:10 (called from identifier 'f' at <input>:1:91) in probe begin"), stderr);
    }

    [Fact]
    public void ACallerChargesALoopFreeCalleeAfterItReturns()
    {
        // 2 before the loop, then 1 (the loop test) + 3 (f) charged at the call: 6 > 5.
        var (stdout, stderr) = ScriptRun.Run(
            "function f() { a = 1; b = 2; return a + b } probe begin { for (i = 0; i < 1; i++) println(f()) }", "-DMAXACTION_INTERRUPTIBLE=6");
        Assert.Equal("", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: MAXACTION exceeded near identifier 'f' at <input>:1:91 in probe begin"), stderr);
    }
}
