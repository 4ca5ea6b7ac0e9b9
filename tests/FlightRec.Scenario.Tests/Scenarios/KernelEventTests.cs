using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// kernel.trace probes on the running kernel through the published frstap and frrun: counts that
/// must be exact, fields read from the records, the task of the event.
/// </summary>
public sealed class KernelEventTests(ITestOutputHelper output)
{
    private const string GetppidLoop = """
        #include <stdlib.h>
        #include <unistd.h>
        #include <sys/syscall.h>
        int main(int argc, char **argv) {
            long n = atol(argv[1]);
            for (long i = 0; i < n; i++) syscall(SYS_getppid);
            if (argc > 2) usleep(atoi(argv[2]) * 1000);
            return 0;
        }
        """;

    // Spins on the last CPU for the given milliseconds of wall time.
    private const string Spinner = """
        #define _GNU_SOURCE
        #include <sched.h>
        #include <stdlib.h>
        #include <time.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            cpu_set_t set; CPU_ZERO(&set); CPU_SET(sysconf(_SC_NPROCESSORS_ONLN) - 1, &set);
            sched_setaffinity(0, sizeof set, &set);
            long ms = atol(argv[1]); struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
            volatile long x = 0;
            do { for (int i = 0; i < 100000; i++) x++; clock_gettime(CLOCK_MONOTONIC, &b); }
            while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
            return 0;
        }
        """;

    private ScenarioContext? Begin()
    {
        var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return null;
        }

        if (KernelEvents.MissingCapability() is { } missing)
        {
            scenario.Dispose();
            Assert.False(PublishedFrrun.Required, $"{missing}; CI=true requires the kernel event tests to run");
            output.WriteLine($"SKIPPED: {missing}");
            return null;
        }

        return scenario;
    }

    [Fact]
    public void EverySyscallOfTheTargetIsCountedExactly()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string loop = KernelEvents.Compile(scenario.WorkDirectory, "getppid_loop", GetppidLoop);
        var run = scenario.RunFrstap("-c", $"{loop} 1000000", "-e",
            "global n probe syscall.getppid { if (pid() == target()) n++ } probe end { printf(\"%d\\n\", n) }");

        Assert.Equal(new FrrunResult(0, "1000000\n", ""), run);
    }

    [Fact]
    public void FieldsTaskAndNameComeFromTheEvent()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string loop = KernelEvents.Compile(scenario.WorkDirectory, "getppid_loop", GetppidLoop);
        int getppid = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture
            == System.Runtime.InteropServices.Architecture.Arm64 ? 173 : 110;
        // The process has exited before its events are handled: its name comes from the event.
        var run = scenario.RunFrstap("-c", $"{loop} 3", "-e",
            "probe kernel.trace(\"raw_syscalls:sys_enter\") { if (pid() == target() && $id == " + getppid + ") "
            + "printf(\"%s %s %d %d\\n\", $$name, execname(), $id, tid() == pid()) }");

        string line = $"raw_syscalls:sys_enter getppid_loop {getppid} 1\n";
        Assert.Equal(new FrrunResult(0, line + line + line, ""), run);
    }

    [Fact]
    public void ProfileSamplesLandOnTheTaskThatSpins()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string spinner = KernelEvents.Compile(scenario.WorkDirectory, "spinner", Spinner);
        int last = Environment.ProcessorCount - 1;
        var run = scenario.RunFrstap("-c", $"{spinner} 1500", "-e",
            "global mine, all probe timer.profile { if (cpu() == " + last + ") { all++; if (pid() == target()) mine++ } } "
            + "probe end { printf(\"%d %d %s\\n\", mine, all, mine * 10 >= all * 9 ? \"ok\" : \"low\") }");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        string[] words = run.Stdout.Split(' ');
        Assert.True(int.Parse(words[1]) >= 100, $"too few samples on cpu {last}: {run.Stdout}");
        Assert.Equal("ok\n", words[2]);
    }

    [Fact]
    public void TheSyscallTapsetNamesArgumentsAndReturnsInOrder()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string file = scenario.WorkFile("present.txt");
        File.WriteAllText(file, "");
        string missing = scenario.WorkFile("absent.txt");
        var run = scenario.RunFrstap("-c", $"cat {file} {missing}", "-e", """
            global open
            probe syscall.openat { if (pid() == target() && filename =~ "present|absent") { open[tid()] = 1; printf("%s %s(%s)\n", execname(), name, argstr) } }
            probe syscall.openat.return { if (tid() in open) { delete open[tid()]; printf("= %s\n", retstr) } }
            """);

        Assert.Equal(new FrrunResult(1,
            $"cat openat(AT_FDCWD, \"{file}\", O_RDONLY)\n= 3\n" +
            $"cat openat(AT_FDCWD, \"{missing}\", O_RDONLY)\n= -2 (ENOENT)\n",
            ""), run with { Stderr = "" });
    }

    [Fact]
    public void EventsTheRingCannotHoldAreReportedLostAndCountedPlusLostIsExact()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        // A handler slow enough that 1,000,000 syscalls overrun the kernel's ring.
        string loop = KernelEvents.Compile(scenario.WorkDirectory, "getppid_loop", GetppidLoop);
        var run = scenario.RunFrstap("-c", $"{loop} 1000000", "-e",
            "global n, x probe kernel.trace(\"syscalls:sys_enter_getppid\") { if (pid() == target()) { n++; for (i = 0; i < 1000; i++) x += i } } "
            + "probe end { printf(\"%d %d\\n\", n, x > 0) }");

        // Every event is counted, lost in the kernel, or skipped (its handler could not get the lock): all reported.
        Assert.Equal(0, run.ExitCode);
        var lost = System.Text.RegularExpressions.Regex.Match(run.Stderr, "WARNING: Number of lost events: ([0-9]+)\n$");
        var skipped = System.Text.RegularExpressions.Regex.Match(run.Stderr, "^WARNING: Number of errors: 0, skipped probes: ([0-9]+)\n");
        Assert.True(lost.Success, $"stderr: {run.Stderr}");
        long counted = long.Parse(run.Stdout.Split(' ')[0]);
        long skips = skipped.Success ? long.Parse(skipped.Groups[1].Value) : 0;
        Assert.Equal(1_000_000, counted + long.Parse(lost.Groups[1].Value) + skips);
    }

    [Fact]
    public void OpensnoopSeesEveryFileOfShortLivedProcessesExactly()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string directory = Directory.CreateDirectory(scenario.WorkFile("files")).FullName;
        for (int i = 1; i <= 200; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"f{i}"), "");
        }

        // Each cat has exited long before its events are handled: comm and filename come from the event.
        var run = scenario.RunFrstap("-c", $"/bin/sh -c 'i=1; while [ $i -le 200 ]; do cat {directory}/f$i; i=$((i+1)); done'", "-e",
            "probe syscall.openat { if (execname() == \"cat\") printf(\"%s %s\\n\", execname(), user_string($filename)) }");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var ours = run.Stdout.Split('\n').Where(l => l.Contains(directory, StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"cat {directory}/f{i}"), ours);
    }

    [Fact]
    public void AFilterAppliedInTheKernelCountsTheSame()
    {
        using var scenario = Begin();
        if (scenario is null)
        {
            return;
        }

        string loop = KernelEvents.Compile(scenario.WorkDirectory, "getppid_loop", GetppidLoop);
        var run = scenario.RunFrstap("-c", $"{loop} 100000", "-e",
            "global n probe kernel.trace(\"syscalls:sys_enter_getppid\") { if (execname() == \"getppid_loop\") n++ } probe end { printf(\"%d\\n\", n) }");

        Assert.Equal(new FrrunResult(0, "100000\n", ""), run);
    }
}
