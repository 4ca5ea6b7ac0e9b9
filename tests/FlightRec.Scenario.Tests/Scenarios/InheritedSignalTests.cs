using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// A shell without job control starts `frrun -A rec &amp;` with SIGINT and SIGQUIT ignored. The
/// consumer must still detach on SIGQUIT and stop the module on SIGINT, as staprun does;
/// `trap '' INT QUIT; exec frrun …` reproduces exactly that inheritance.
/// </summary>
public sealed class InheritedSignalTests(ITestOutputHelper output)
{
    private const string Name = "seq";

    [Fact]
    public void ConsumerStartedWithSignalsIgnoredStillDetachesAndStops()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(0, scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq)).ExitCode);

        var detaching = StartIgnoringSignals(scenario);
        scenario.WaitForConsumer(Name, detaching);
        detaching.Signal(FrrunProcess.SigQuit);
        var detached = scenario.Finish(detaching);
        Assert.Equal(0, detached.ExitCode);
        Assert.Equal(ScenarioMessages.Disconnect(Name), detached.Stderr);
        Assert.True(scenario.IsHostAlive(Name), "the module stopped on a detach");

        var stopping = StartIgnoringSignals(scenario);
        scenario.WaitForConsumer(Name, stopping);
        stopping.Signal(FrrunProcess.SigInt);
        var stopped = scenario.Finish(stopping);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("", stopped.Stderr);
        SequenceAssert.OneToN(detached.Stdout + stopped.Stdout, "both consumers' output");
        Assert.Empty(scenario.SessionNames());
    }

    private static FrrunProcess StartIgnoringSignals(ScenarioContext scenario) =>
        scenario.StartProgram("/bin/sh", ["-c", "trap '' INT QUIT; exec \"$0\" -A " + Name, scenario.Frrun]);
}
