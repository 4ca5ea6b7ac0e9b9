using FlightRec.Runtime.Transport;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 1: launch a module in the background, attach and detach (SIGQUIT) five times at
/// random moments, then attach and stop it (SIGINT). Everything the consumers printed, in
/// order, is exactly 1..N: detaching and re-attaching neither repeats nor skips a record.
/// </summary>
public sealed class LaunchAttachCycleTests(ITestOutputHelper output)
{
    private const string Name = "seq";

    [Fact]
    public void AttachDetachCyclesDeliverEverySequenceNumberExactlyOnce()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        int seed = Environment.TickCount;
        var random = new Random(seed);
        scenario.Log($"random seed {seed}");

        // -L records with the overwrite policy; 4 MB per CPU is far more than seq writes here, so nothing is lost.
        var launch = scenario.Run("-L", "-b", "4", scenario.Module(TestModuleSource.Seq));
        Assert.Equal(0, launch.ExitCode);
        Assert.Equal("", launch.Stdout);
        Assert.Equal(ScenarioMessages.Disconnect(Name), launch.Stderr);
        Assert.True(scenario.IsHostAlive(Name), "the host is not running after frrun -L");
        using (var header = scenario.TryOpenHeader(Name))
        {
            Assert.Equal(RingPolicy.Overwrite, header?.Info.Policy);
        }

        var received = new System.Text.StringBuilder();
        for (int cycle = 0; cycle < 5; cycle++)
        {
            Thread.Sleep(random.Next(0, 100));
            var consumer = scenario.Start("-A", Name);
            scenario.WaitForConsumer(Name, consumer);
            Thread.Sleep(random.Next(100, 400));
            consumer.Signal(FrrunProcess.SigQuit);
            var detached = scenario.Finish(consumer);
            Assert.Equal(0, detached.ExitCode);
            Assert.Equal(ScenarioMessages.Disconnect(Name), detached.Stderr);
            received.Append(detached.Stdout);
            Assert.True(scenario.IsHostAlive(Name), $"the host stopped after detach {cycle + 1}");
        }

        var last = scenario.Start("-A", Name);
        scenario.WaitForConsumer(Name, last);
        Thread.Sleep(random.Next(100, 400));
        last.Signal(FrrunProcess.SigInt);
        var stopped = scenario.Finish(last);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("", stopped.Stderr);
        received.Append(stopped.Stdout);

        int n = SequenceAssert.OneToN(received.ToString(), "the consumers' output, concatenated");
        scenario.Log($"received 1..{n}");
        // About 100 numbers a second for well over a second.
        Assert.True(n >= 50, $"only {n} numbers in all: seq did not run while detached");
        ScenarioContext.WaitUntil(() => scenario.SessionNames().Count == 0, TimeSpan.FromSeconds(10), () => "the stopped host to remove its session");
    }

    [Fact]
    public void AttachingToAModuleThatFinishedAloneDeliversEverythingAndRemovesIt()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(0, scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Seq), "limit=20").ExitCode);
        ScenarioContext.WaitUntil(() => !scenario.IsHostAlive(Name), TimeSpan.FromSeconds(10), () => "seq limit=20 to finish");
        using (var header = scenario.TryOpenHeader(Name))
        {
            Assert.Equal(HostState.Exited, header?.State);
        }

        var drained = scenario.Run("-A", Name);
        Assert.Equal(new FrrunResult(0, string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n")), ""), drained);
        Assert.Empty(scenario.SessionNames());
    }
}
