using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// perf.* probes on the running kernel through the published frstap and frrun: software events
/// sampled on every occurrence, and hardware counters where the machine has a PMU.
/// </summary>
[Collection(KernelEvents.Collection)]
public sealed class PerfProbeTests(ITestOutputHelper output)
{
    private const int Pages = 2000;

    // Touches PAGES fresh anonymous pages (no transparent huge pages, so one fault each), then
    // prints the faults the kernel accounted to the process over its whole life (getrusage).
    private const string PageToucher = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/mman.h>
        #include <sys/resource.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            long pages = atol(argv[1]), size = sysconf(_SC_PAGESIZE);
            char *p = mmap(0, pages * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) return 1;
            madvise(p, pages * size, MADV_NOHUGEPAGE);
            for (long i = 0; i < pages; i++) p[i * size] = 1;
            struct rusage u; getrusage(RUSAGE_SELF, &u);
            printf("%ld\n", u.ru_minflt + u.ru_majflt);
            return 0;
        }
        """;

    private ScenarioContext? Begin() => KernelEvents.Begin(output);

    [Theory]
    [InlineData("perf.sw.page_faults.sample(1)")]
    [InlineData("perf.sw.page_faults.sample(1).process")]
    public void EveryPageFaultOfTheTargetIsASample(string point)
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string toucher = KernelEvents.Compile(scenario.WorkDirectory, "page_toucher", PageToucher);
        var run = scenario.RunFrstap("-c", $"{toucher} {Pages}", "-e",
            "global n probe " + point + " { if (pid() == target()) n++ } probe end { printf(\"%d\\n\", n) }");

        // At least one sample per page touched; at most every fault the process ever took: rusage
        // also counts those of the forked child before the events were enabled, and the samples
        // cannot count more than the kernel accounted.
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        long accounted = long.Parse(lines[0]);
        long sampled = long.Parse(lines[1]);
        Assert.True(sampled >= Pages && sampled <= accounted, $"{sampled} page-fault samples; touched {Pages} pages, the process took {accounted} faults");
    }

    [Fact]
    public void AHardwareCounterSamplesTheTargetOrFailsToRegisterWithoutAPmu()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string toucher = KernelEvents.Compile(scenario.WorkDirectory, "page_toucher", PageToucher);
        var run = scenario.RunFrstap("-c", $"{toucher} {Pages}", "-e",
            "global n probe perf.hw.cpu_cycles.sample(100000) { if (pid() == target()) n++ } probe end { printf(\"%d\\n\", n) }");

        if (run.ExitCode == 0)
        {
            // Touching 2000 pages takes millions of cycles: some samples of 100000 fall in the target.
            string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("", run.Stderr);
            Assert.True(long.Parse(lines[1]) > 0, $"no cpu-cycles samples in the target: {run.Stdout}");
            return;
        }

        // Without a PMU the kernel says ENOENT (ENODEV or EOPNOTSUPP on some hypervisors and architectures).
        const string Point = "perf.type(0).config(0).sample(100000)";
        output.WriteLine("no hardware cpu-cycles counter on this machine");
        var failures = new[] { ("ENOENT", 2), ("ENODEV", 19), ("EOPNOTSUPP", 95) }.Select(f => new FrrunResult(1, "",
            $"ERROR: probe {Point} registration error [man warning::pass5] (rc -{f.Item2}): hardware counter {Point} is not available on this machine ({f.Item1})\n"
            + "Pass 5: run failed.  [man error::pass5]\n"));
        Assert.Contains(run, failures);
    }
}
