using System.Globalization;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// <c>kernel.trace("sched:sched_switch")</c> against Linux's own perf recording the same
/// tracepoint at the same time: for a workload that sleeps a known number of times, every switch
/// into or out of it, per CPU and in order, must be the same on both sides.
/// </summary>
[Collection(KernelEvents.Collection)]
public sealed class SchedSwitchTests(ITestOutputHelper output)
{
    private const string Workload = "frswitchee";
    private const int Sleeps = 50;

    // Its file name is its comm; every usleep switches it out (state S) and back in.
    private const string Sleeper = """
        #include <stdlib.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            int n = atoi(argv[1]);
            for (int i = 0; i < n; i++) usleep(2000);
            return 0;
        }
        """;

    [Fact]
    public void SwitchesOfTheWorkloadMatchWhatPerfRecords()
    {
        using var scenario = KernelEvents.Begin(output);
        if (scenario is null)
        {
            return;
        }

        if (PerfRecording.MissingReason() is { } missing)
        {
            Assert.False(PublishedFrrun.Required, $"{missing}; CI=true requires perf for this comparison");
            output.WriteLine($"SKIPPED: {missing}");
            return;
        }

        string sleeper = KernelEvents.Compile(scenario.WorkDirectory, Workload, Sleeper);
        // Both sides keep the workload's switches only: perf in the kernel, frstap in its handler.
        var perf = PerfRecording.Start(scenario, "sched:sched_switch", $"prev_comm == \"{Workload}\" || next_comm == \"{Workload}\"");
        var run = scenario.RunFrstap("-c", $"{sleeper} {Sleeps}", "-e",
            "probe kernel.trace(\"sched:sched_switch\") { if ($prev_comm == \"" + Workload + "\" || $next_comm == \"" + Workload + "\") "
            + "printf(\"%d\\t%d\\t%s\\t%d\\t%s\\t%d\\n\", cpu(), $prev_pid, $prev_comm, $next_pid, $next_comm, $prev_state) } "
            + "probe end { printf(\"target\\t%d\\n\", target()) }");
        var reference = perf.StopAndReadSchedSwitches();

        Assert.True(run.ExitCode == 0 && run.Stderr == "",
            run.Stderr.Contains("lost events", StringComparison.Ordinal) ? $"frstap lost events: the sequences cannot be compared.\n{run}" : $"{run}");
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int target = int.Parse(lines[^1].Split('\t')[1], CultureInfo.InvariantCulture);
        var ours = lines[..^1].Select(Parse).Where(e => e.Involves(target, Workload)).ToList();
        var theirs = reference.Where(e => e.Involves(target, Workload)).ToList();

        // The switch away from the dead task follows its exit, which ends the run: frstap may disarm first.
        Assert.Equal(PerCpu(theirs.Where(e => !e.PrevDead)), PerCpu(ours.Where(e => !e.PrevDead)));
        int sleeps = ours.Count(e => e.PrevPid == target && !e.PrevDead);
        Assert.True(sleeps >= Sleeps, $"{Workload} slept {Sleeps} times but was switched out {sleeps} times");
    }

    // Tab-separated: comms may hold spaces.
    private static SchedSwitch Parse(string line)
    {
        string[] f = line.Split('\t');
        Assert.True(f.Length == 6, $"unexpected output line: {line}");
        const long Dead = 0x10 | 0x20; // EXIT_DEAD | EXIT_ZOMBIE in the reported state
        return new SchedSwitch(Number(f[0]), Number(f[1]), f[2], Number(f[3]), f[4], (long.Parse(f[5], CultureInfo.InvariantCulture) & Dead) != 0);
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static SortedDictionary<int, string> PerCpu(IEnumerable<SchedSwitch> events) =>
        new(events.GroupBy(e => e.Cpu).ToDictionary(g => g.Key, g => string.Join('\n', g)));
}
