using Xunit;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>try/catch as stap runs it (translate.cxx visit_try_block, LANGUAGE.md §5.9).</summary>
public class TryCatchTests
{
    [Fact]
    public void CatchGetsTheBareMessageAndTheHandlerGoesOn()
    {
        var (stdout, stderr) = ScriptRun.Run("probe begin { try { x = 0; println(1 / x); println(\"no\") } catch (e) { println(\"caught: \", e) } println(\"after\") }");
        Assert.Equal("caught: division by 0\nafter\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void ErrorsInCalledFunctionsAreCaught()
    {
        var (stdout, stderr) = ScriptRun.Run("function f() { error(\"boom\") } function g() { f() } probe begin { try { g() } catch (m) { println(m) } exit() }");
        Assert.Equal("boom\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void NestedTryAndAnErrorInACatchBlockGoOutward()
    {
        var (stdout, stderr) = ScriptRun.Run(
            "probe begin { try { try { error(\"a\") } catch (m) { println(\"inner \", m); error(\"b\") } println(\"no\") } catch (m) { println(\"outer \", m) } }");
        Assert.Equal("inner a\nouter b\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void AnErrorInACatchWithoutOuterTryEndsTheHandler()
    {
        var (stdout, stderr) = ScriptRun.Run("probe begin { try { error(\"a\") } catch { println(\"caught\"); error(\"b\") } println(\"no\") }");
        Assert.Equal("caught\n", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: b"), stderr);
    }

    [Fact]
    public void MaxactionIsNotCaught()
    {
        var (stdout, stderr) = ScriptRun.Run("probe begin { try { while (1) x++ } catch { println(\"caught\") } }");
        Assert.Equal("", stdout);
        Assert.Equal(ScriptRun.OneError("ERROR: MAXACTION exceeded near identifier 'x' at <input>:1:31 in probe begin"), stderr);
    }

    [Fact]
    public void CaughtErrorsLeaveNoCallFramesBehind()
    {
        // The frames of f are dropped by the catch: the later error names no caller.
        var (_, stderr) = ScriptRun.Run("function f() { return 1 / 0 } probe begin { try { f() } catch { } x = 0; println(1 / x) }");
        Assert.Equal(ScriptRun.OneError("ERROR: division by 0 near operator '/' at <input>:1:84 in probe begin"), stderr);
    }

    [Fact]
    public void TheCatchVariableCanBeAGlobal()
    {
        var (stdout, stderr) = ScriptRun.Run("global last probe begin { try { error(\"kept\") } catch (last) { } } probe end { println(last) }");
        Assert.Equal("kept\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void ACaughtErrorIsNotCounted()
    {
        var (stdout, stderr) = ScriptRun.Run("global n probe begin { try { error(\"x\") } catch { n++ } } probe end { println(n) }");
        Assert.Equal("1\n", stdout);
        Assert.Equal("", stderr);
    }
}
