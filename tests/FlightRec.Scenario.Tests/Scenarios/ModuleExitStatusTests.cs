using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// frrun MODULE.dll runs the module attached to the end: its output on stdout, its messages on
/// stderr, its exit status — 0 after exit(), 1 after a fatal script error — and nothing left behind.
/// </summary>
public sealed class ModuleExitStatusTests(ITestOutputHelper output)
{
    [Fact]
    public void ExitInBeginRunsTheEndProbesAndExitsZero()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.Run(scenario.Module(TestModuleSource.Exit));
        Assert.Equal(new FrrunResult(0, "hello\nbye\n", ""), run);
        ScenarioContext.WaitUntil(() => scenario.SessionNames().Count == 0, TimeSpan.FromSeconds(10), () => "the host to remove its session");
    }

    [Fact]
    public void AModuleThatCallsExitAfterItsLimitStopsWithEverythingDelivered()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.Run(scenario.Module(TestModuleSource.Seq), "limit=30");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(30, SequenceAssert.OneToN(run.Stdout, "seq limit=30"));
        ScenarioContext.WaitUntil(() => scenario.SessionNames().Count == 0, TimeSpan.FromSeconds(10), () => "the host to remove its session");
    }

    [Fact]
    public void AFatalScriptErrorRunsTheErrorProbeAndExitsOne()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.Run(scenario.Module(TestModuleSource.Err));
        Assert.Equal(new FrrunResult(1, "before\nerror probe\n", "ERROR: boom\nWARNING: Number of errors: 1, skipped probes: 0\n"), run);
        ScenarioContext.WaitUntil(() => scenario.SessionNames().Count == 0, TimeSpan.FromSeconds(10), () => "the host to remove its session");
    }
}
