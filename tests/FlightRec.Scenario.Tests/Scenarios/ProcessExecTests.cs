using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// FlightRec's process.exec through the published frstap and frrun: the -c target's own exec and
/// each child's, with the new image's name and <c>$filename</c>, and begin/end counts that stay
/// paired when a child's exec (drained from its own CPU's ring) reaches the tracker before its fork.
/// </summary>
public sealed class ProcessExecTests(ITestOutputHelper output)
{
    // Forks N children that each exec PROGRAM, then reaps them all.
    private const string Spawn = """
        #include <stdlib.h>
        #include <unistd.h>
        #include <sys/wait.h>
        int main(int argc, char **argv) {
            int n = atoi(argv[1]);
            for (int i = 0; i < n; i++) if (fork() == 0) { execl(argv[2], "child", (char *)0); _exit(127); }
            while (wait(NULL) > 0) {}
            return 0;
        }
        """;

    private const string Child = "int main(void) { return 0; }";

    [Fact]
    public void TheTargetsExecAndEveryChildsExecFireWithTheNewImageAndBeginsAndEndsStayPaired()
    {
        using var scenario = KernelEvents.Begin(output);
        if (scenario is null)
        {
            return;
        }

        string spawn = KernelEvents.Compile(scenario.WorkDirectory, "spawn", Spawn);
        var run = scenario.RunFrstap("-c", $"{spawn} 20 /bin/true", "-e",
            "global b, e, x probe process.begin { b++ } probe process.end { e++ } "
            + "probe process.exec { x[execname(), $filename, pid() == tid()]++ } "
            + "probe end { printf(\"%d %d\\n\", b, e) foreach ([n, f, same] in x-) printf(\"%s %s %d %d\\n\", n, f, same, x[n, f, same]) }");

        Assert.Equal(new FrrunResult(0, $"40 40\ntrue /bin/true 1 20\nspawn {spawn} 1 1\n", ""), run);
    }

    [Fact]
    public void APathExecFiresOnlyForThatProgram()
    {
        using var scenario = KernelEvents.Begin(output);
        if (scenario is null)
        {
            return;
        }

        string spawn = KernelEvents.Compile(scenario.WorkDirectory, "spawn", Spawn);
        string child = KernelEvents.Compile(scenario.WorkDirectory, "child", Child);
        var run = scenario.RunFrstap("-c", $"{spawn} 3 {child}", "-e",
            $"global x probe process(\"{spawn}\").exec {{ x[\"spawn\", $filename]++ }} probe process(\"{child}\").exec {{ x[\"child\", execname()]++ }} "
            + "probe end { foreach ([p, n] in x-) printf(\"%s %s %d\\n\", p, n, x[p, n]) }");

        Assert.Equal(new FrrunResult(0, $"child child 3\nspawn {spawn} 1\n", ""), run);
    }
}
