using System.Text.RegularExpressions;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// frstap through all five passes as a user runs it: the published frstap builds the module
/// (through its cache) and runs it with the published frrun, passing options and signals on;
/// the exit status is the module's.
/// </summary>
public sealed partial class FrstapRunTests(ITestOutputHelper output)
{
    private const string Hello = "probe begin { println(\"hello\") exit() }";

    // Never exits by itself: prints "started" then waits for a signal, and "ended" from its end probe.
    private const string Waits = "probe begin { println(\"started\") } probe end { println(\"ended\") }";

    [Fact]
    public void AScriptRunsToItsOutputAndExitStatus()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(new FrrunResult(0, "hello\n", ""), scenario.RunFrstap("-e", Hello));
    }

    [Fact]
    public void VerboseReportsEveryPassInStapsFormatAndTheSecondRunUsesTheCache()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var first = scenario.RunFrstap("-v", "-e", Hello);
        Assert.Equal((0, "hello\n"), (first.ExitCode, first.Stdout));
        string[] lines = first.StderrLines;
        Assert.Equal(7, lines.Length);
        Assert.Matches($"^Pass 1: parsed user script and [0-9]+ library scripts {Usage}{Times}$", lines[0]);
        Assert.Matches($"^Pass 2: analyzed script: 1 probe, 0 functions, 0 embeds, 0 globals {Usage}{Times}$", lines[1]);
        Assert.Matches($"^Pass 3: translated to C# into \"/[^\"]+/frs_[0-9a-f]{{16}}\\.cs\" {Usage}{Times}$", lines[2]);
        Assert.Matches($"^Pass 4: compiled C# into \"frs_[0-9a-f]{{16}}\\.dll\" {Times}$", lines[3]);
        Assert.Equal("Pass 5: starting run.", lines[4]);
        Assert.Matches("^Running \\S+/frrun -R /\\S+/frs_[0-9a-f]{16}\\.dll$", lines[5]);
        Assert.Matches($"^Pass 5: run completed {Times}$", lines[6]);

        var second = scenario.RunFrstap("-v", "-e", Hello);
        Assert.Equal((0, "hello\n"), (second.ExitCode, second.Stdout));
        Assert.Matches("^Pass 4: using cached /\\S+/flightrec/[0-9a-f]+\\.module$", second.StderrLines[3]);
    }

    [Fact]
    public void P4WritesTheNamedModuleToTheWorkingDirectoryForFrrun()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(new FrrunResult(0, "rec.dll\n", ""), scenario.RunFrstap("-p4", "-m", "rec", "-e", Hello));
        Assert.True(File.Exists(scenario.WorkFile("rec.dll")));
        Assert.Equal(new FrrunResult(0, "hello\n", ""), scenario.Run("rec.dll"));
    }

    [Fact]
    public void AScriptErrorIsTheRunsFailure()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.RunFrstap("-e", "probe begin { println(\"before\") error(\"boom\") } probe error { println(\"error probe\") }");
        Assert.Equal(
            new FrrunResult(1, "before\nerror probe\n", "ERROR: boom\nWARNING: Number of errors: 1, skipped probes: 0\nPass 5: run failed.  [man error::pass5]\n"),
            run);
    }

    [Theory]
    [InlineData(FrrunProcess.SigInt)]
    [InlineData(FrrunProcess.SigTerm)]
    public void AStopSignalSentToFrstapReachesTheModuleWhichRunsItsEndProbes(int signal)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var frstap = scenario.StartProgram(scenario.Frstap, ["-e", Waits]);
        ScenarioContext.WaitUntil(() => frstap.StdoutSoFar.Contains("started\n", StringComparison.Ordinal) || frstap.HasExited,
            TimeSpan.FromSeconds(30), () => "the script to start");
        frstap.Signal(signal);
        Assert.Equal(new FrrunResult(0, "started\nended\n", ""), scenario.Finish(frstap));
    }

    [Fact]
    public void TimeoutEndsTheRunAsStapsDoes()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(new FrrunResult(0, "started\nended\n", ""), scenario.RunFrstap("-T", "0.3", "-e", Waits));
    }

    [Fact]
    public void GlobalsArgumentsAndTargetPassThrough()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        // -x names target() only: as with stap the process need not exist.
        var run = scenario.RunFrstap("-G", "x=5", "-x", "999999", "-e",
            "global x = 1; probe begin { printf(\"%d %s %d\\n\", x, @1, target()) exit() }", "arg");
        Assert.Equal(new FrrunResult(0, "5 arg 999999\n", ""), run);
    }

    [Fact]
    public void CommandRunsUnderTheScriptAndEndsIt()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.RunFrstap("-c", "echo from-command", "-e", "probe end { println(\"ended\") }");
        Assert.Equal(new FrrunResult(0, "from-command\nended\n", ""), run);
    }

    [Fact]
    public void KeepShowsTheTemporaryDirectoryWithTheGeneratedCode()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.RunFrstap("-k", "-m", "kept", "-e", Hello);
        Assert.Equal((0, "hello\n"), (run.ExitCode, run.Stdout));
        var kept = KeptDirectory().Match(run.Stderr);
        Assert.True(kept.Success, run.ToString());
        string directory = kept.Groups[1].Value;
        try
        {
            Assert.Contains("class Module_kept : ProbeModule", File.ReadAllText(Path.Combine(directory, "kept.cs")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void WithoutFrrunPassFiveFailsClearly()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var frstap = FrrunProcess.Start(scenario.Frstap, ["-e", Hello], scenario.WorkDirectory,
            new Dictionary<string, string>(scenario.Environment) { ["FLIGHTREC_FRRUN"] = "/nonexistent/frrun" });
        var run = frstap.WaitForExit(ScenarioContext.CommandTimeout);
        frstap.Dispose();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("frstap: cannot start /nonexistent/frrun: ", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\nPass 5: run failed.  [man error::pass5]\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FlightRecorderLaunchDetachesAndTheRecordingCanBeAttachedDumpedAndRemoved()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var launch = scenario.RunFrstap("-F", "-m", "fr", "-e", "global n; probe timer.ms(5) { n++; printf(\"%d\\n\", n) }");
        Assert.Equal(0, launch.ExitCode);
        Assert.True(scenario.IsHostAlive("fr"), launch.ToString());
        ScenarioContext.WaitUntil(() => scenario.Run("-D", "fr").Stdout.Split('\n').Length > 5, TimeSpan.FromSeconds(10), () => "some records");

        var attached = scenario.Start("-A", "fr");
        scenario.WaitForConsumer("fr", attached);
        ScenarioContext.WaitUntil(() => attached.StdoutSoFar.Length > 0, TimeSpan.FromSeconds(10), () => "the attached consumer's first output");
        attached.Signal(FrrunProcess.SigQuit);
        var detached = scenario.Finish(attached);
        Assert.Equal(0, detached.ExitCode);
        Assert.Equal("1", detached.Stdout.Split('\n')[0]);
        Assert.True(scenario.IsHostAlive("fr"));

        Assert.Equal(0, scenario.Run("-d", "fr").ExitCode);
        Assert.Empty(scenario.SessionNames());
    }

    [Theory]
    [InlineData(true, "overwrite")]
    [InlineData(false, "discard")]
    public void OverwriteIsBakedIntoTheModule(bool overwrite, string policy)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        string[] options = overwrite ? ["-O"] : [];
        Assert.Equal(0, scenario.RunFrstap([.. options, "-p4", "-m", "pol", "-e", Waits]).ExitCode);
        var running = scenario.Start("pol.dll");
        scenario.WaitForConsumer("pol", running);
        Assert.Contains($"), {policy}, ", scenario.Run("-l").Stdout, StringComparison.Ordinal);
        running.Signal(FrrunProcess.SigInt);
        Assert.Equal(0, scenario.Finish(running).ExitCode);
    }

    [Fact]
    public void GuruModeRunsEmbeddedCSharpWithStapsConventions()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        File.WriteAllText(scenario.WorkFile("guru.frs"), """
            %{
            using System.Text;
            private static int Calls;
            %}
            function twice:long (x:long) %{
              Calls++;
              if (x < 0) STAP_RETURN(-1);
              STAP_RETVALUE = x * 2;
            %}
            function shout:string (s:string) %{ STAP_RETURN(new StringBuilder(s).Append("!").ToString()); %}
            function say (s:string) %{ STAP_PRINTF("said %s %d\n", s, Calls); %}
            function fail (m:string) %{ STAP_ERROR("failed: " + m); %}
            probe begin { println(twice(21), " ", twice(-5), " ", shout("hi")); say("x"); fail("now") }
            """);
        Assert.Equal(
            new FrrunResult(1, "42 -1 hi!\nsaid x 2\n", "ERROR: failed: now\nWARNING: Number of errors: 1, skipped probes: 0\nPass 5: run failed.  [man error::pass5]\n"),
            scenario.RunFrstap("-g", "guru.frs"));
    }

    [Fact]
    public void EmbeddedCSharpThatDoesNotCompileIsTheScriptsErrorWithItsLocation()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        File.WriteAllText(scenario.WorkFile("bad.frs"), "function f:long () %{ return undefinedThing; %}\nprobe begin { println(f()) exit() }\n");
        var run = scenario.RunFrstap("-g", "-m", "bad", "bad.frs");
        Assert.Equal((1, ""), (run.ExitCode, run.Stdout));
        string[] lines = run.StderrLines;
        Assert.Equal("frstap: the C# of module bad does not compile (check the embedded %{ %} code)", lines[0]);
        Assert.Matches("^/\\S+/bad\\.cs:[0-9]+:[0-9]+: error CS0103: The name 'undefinedThing' does not exist in the current context \\[from bad\\.frs:1:13\\]$", lines[1]);
        Assert.StartsWith("frstap: the generated C# is kept in ", lines[2], StringComparison.Ordinal);
        Assert.Equal("Pass 4: compilation failed.  [man error::pass4]", lines[3]);
        Directory.Delete(Path.GetDirectoryName(lines[2]["frstap: the generated C# is kept in ".Length..])!, recursive: true);
    }

    [Fact]
    public void AnExceptionInsideAHandlerIsAScriptErrorAtTheScriptLocation()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        File.WriteAllText(scenario.WorkFile("fault.frs"),
            "function boom:long () %{\n  string s = null;\n  return s.Length;\n%}\nprobe begin { println(\"before\") println(boom()) }\nprobe error { println(\"error probe\") }\n");
        Assert.Equal(
            new FrrunResult(1, "before\nerror probe\n",
                "ERROR: module fault at fault.frs:5 in probe begin: NullReferenceException: Object reference not set to an instance of an object.\n" +
                "WARNING: Number of errors: 1, skipped probes: 0\nPass 5: run failed.  [man error::pass5]\n"),
            scenario.RunFrstap("-g", "fault.frs"));
    }

    private const string Usage = "using [0-9]+virt/[0-9]+res/[0-9]+shr/[0-9]+data kb, ";

    private const string Times = "in [0-9]+usr/[0-9]+sys/[0-9]+real ms\\.";

    [GeneratedRegex("Keeping temporary directory \"([^\"]+)\"")]
    private static partial Regex KeptDirectory();
}
