using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 4: kill -9 an attached consumer. The host keeps recording, the dead consumer's
/// claim is taken over by the next frrun -A, and what both consumers wrote is the sequence
/// without a duplicate (nor, with a buffer this large, a gap).
/// </summary>
public sealed class ConsumerCrashTests(ITestOutputHelper output)
{
    private const string Name = "seq";

    [Fact]
    public void ANewConsumerResumesWhereTheKilledOneStopped()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var launch = scenario.Run("-L", "-b", "4", scenario.Module(TestModuleSource.Seq));
        Assert.Equal(0, launch.ExitCode);

        string first = scenario.WorkFile("first.out");
        var doomed = scenario.Start("-A", Name, "-o", first);
        scenario.WaitForConsumer(Name, doomed);
        ScenarioContext.WaitUntil(() => LineCount(first) >= 20, TimeSpan.FromSeconds(10), () => $"the first consumer to write 20 lines to {first}");
        doomed.Kill();
        scenario.Log($"killed consumer {doomed.Pid} after {LineCount(first)} lines");

        Thread.Sleep(300);
        Assert.True(scenario.IsHostAlive(Name), "the host died with its consumer");

        string second = scenario.WorkFile("second.out");
        var successor = scenario.Start("-A", Name, "-o", second);
        scenario.WaitForConsumer(Name, successor);
        ScenarioContext.WaitUntil(() => LineCount(second) >= 50, TimeSpan.FromSeconds(10), () => $"the second consumer to write 50 lines to {second}");
        successor.Signal(FrrunProcess.SigInt);
        var stopped = scenario.Finish(successor);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("", stopped.Stdout);
        Assert.Equal("", stopped.Stderr);

        string firstText = File.ReadAllText(first);
        Assert.True(firstText.Length == 0 || firstText.EndsWith('\n'), "the killed consumer's file ends in the middle of a line");
        int n = SequenceAssert.OneToN(firstText + File.ReadAllText(second), "the killed consumer's output followed by its successor's");
        scenario.Log($"both consumers together: 1..{n}");
    }

    private static int LineCount(string path) => File.Exists(path) ? File.ReadAllText(path).Count(c => c == '\n') : 0;
}
