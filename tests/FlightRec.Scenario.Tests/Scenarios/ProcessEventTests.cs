using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// process.begin/end through the published frstap and frrun: exact counts for a burst of children
/// of a -c target (the target itself, created before the probes were armed, is not counted), and
/// a PATH matched at exec.
/// </summary>
[Collection(KernelEvents.Collection)]
public sealed class ProcessEventTests(ITestOutputHelper output)
{
    // Forks N children that exit at once, then reaps them all.
    private const string Burst = """
        #include <stdlib.h>
        #include <unistd.h>
        #include <sys/wait.h>
        int main(int argc, char **argv) {
            int n = atoi(argv[1]);
            for (int i = 0; i < n; i++) if (fork() == 0) _exit(0);
            while (wait(NULL) > 0) {}
            return 0;
        }
        """;

    private ScenarioContext? Begin() => KernelEvents.Begin(output);

    [Fact]
    public void EveryChildOfTheTargetBeginsAndEndsOnce()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string burst = KernelEvents.Compile(scenario.WorkDirectory, "burst", Burst);
        var run = scenario.RunFrstap("-c", $"{burst} 100", "-e",
            "global b, e probe process.begin { b++ } probe process.end { e++ } probe end { printf(\"%d %d\\n\", b, e) }");

        Assert.Equal(new FrrunResult(0, "100 100\n", ""), run);
    }

    [Fact]
    public void APathBeginsAtEachExecOfItAndInItsChildrenWithTheirNames()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string burst = KernelEvents.Compile(scenario.WorkDirectory, "burst", Burst);
        var run = scenario.RunFrstap("-c", $"/bin/sh -c '{burst} 2; {burst} 3; true'", "-e",
            $"global b, e probe process(\"{burst}\").begin {{ b[execname(), pid() == tid()]++ }} "
            + $"probe process(\"{burst}\").end {{ e[execname()]++ }} "
            + "probe end { foreach ([n, same] in b) printf(\"begin %s %d %d\\n\", n, same, b[n, same]) foreach (n in e) printf(\"end %s %d\\n\", n, e[n]) }");

        Assert.Equal(new FrrunResult(0, "begin burst 1 7\nend burst 7\n", ""), run);
    }
}
