using Xunit;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// frstap -l / -L PATTERN: the points a pattern resolves to, named as a user writes them, with
/// variables for -L; tracepoints come from the hand-written tracefs of tests/golden/p2.
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class ProbeListingTests
{
    private static FrstapOutcome Run(params string[] args) =>
        InProcessFrstap.Run(args, GoldenCase.P2Directory, GoldenCase.RepositoryTapset, Path.Combine(GoldenCase.P2Directory, "tracefs"));

    [Theory]
    [InlineData("begin", "begin\n")]
    [InlineData("oneshot", "oneshot\n")]
    [InlineData("timer.*", "timer.profile\n")]
    [InlineData("timer.ms(10)", "timer.ms(10)\n")]
    [InlineData("kernel.trace(\"sched:*\")",
        "kernel.trace(\"sched:sched_process_exec\")\nkernel.trace(\"sched:sched_switch\")\nkernel.trace(\"sched:sched_wakeup\")\n")]
    [InlineData("kernel.trace(\"*open*\")", "kernel.trace(\"syscalls:sys_enter_openat\")\nkernel.trace(\"syscalls:sys_exit_openat\")\n")]
    [InlineData("syscall.open*", "syscall.openat\n")]
    [InlineData("syscall.*", "syscall.openat\n")]
    [InlineData("syscall.*.return", "syscall.exit.return\nsyscall.exit_group.return\nsyscall.openat.return\n")]
    [InlineData("process.*", "process.begin\nprocess.end\nprocess.exec\n")]
    [InlineData("process(1).*", "process(1).begin\nprocess(1).end\nprocess(1).exec\n")]
    [InlineData("perf.sw.page_*", "perf.sw.page_faults\nperf.sw.page_faults_maj\nperf.sw.page_faults_min\n")]
    public void ListsMatchingPoints(string pattern, string expected)
    {
        var outcome = Run("-l", pattern);
        Assert.Equal((0, expected, ""), (outcome.ExitCode, outcome.Stdout, outcome.Stderr));
    }

    [Fact]
    public void ListsTargetVariablesWithTheirSourceTypes()
    {
        var outcome = Run("-L", "kernel.trace(\"sched:sched_process_exec\")");
        Assert.Equal("kernel.trace(\"sched:sched_process_exec\") $filename:__data_loc char[] $pid:pid_t $old_pid:pid_t\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public void ListsTheExecEventsFieldsForProcessExec()
    {
        var outcome = Run("-L", "process.exec");
        Assert.Equal((0, "process.exec $filename:__data_loc char[] $pid:pid_t $old_pid:pid_t\n", ""), (outcome.ExitCode, outcome.Stdout, outcome.Stderr));
    }

    [Fact]
    public void ListsAliasLocalsAndPointers()
    {
        var outcome = Run("-I", "tapsets/good", "-L", "work.tick");
        Assert.Equal("work.tick tick_name:string\n", outcome.Stdout);

        outcome = Run("-L", "kernel.trace(\"syscalls:sys_enter_openat\")");
        Assert.Equal("kernel.trace(\"syscalls:sys_enter_openat\") $__syscall_nr:int $dfd:int $filename:const char* $flags:int $mode:umode_t\n",
            outcome.Stdout);
    }

    [Fact]
    public void ListsSyscallAliasVariablesAsStapsTapsetNamesThem()
    {
        var outcome = Run("-L", "syscall.openat");
        Assert.Equal("syscall.openat name:string dfd:long dfd_str:string filename:string flags:long flags_str:string mode:long argstr:string"
            + " $__syscall_nr:int $dfd:int $filename:const char* $flags:int $mode:umode_t\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);

        outcome = Run("-L", "syscall.openat.return");
        Assert.Equal("syscall.openat.return name:string retval:long retstr:string $__syscall_nr:int $ret:long\n", outcome.Stdout);
    }

    [Fact]
    public void APatternThatMatchesNothingListsNothingAndFails()
    {
        var outcome = Run("-l", "nosuch*");
        Assert.Equal((1, "", ""), (outcome.ExitCode, outcome.Stdout, outcome.Stderr));
    }

    [Fact]
    public void OnlyOneListingSwitch()
    {
        var outcome = Run("-l", "begin", "-L", "end");
        Assert.Equal((1, "ERROR: only one of the -l/-L/--dump-* switches may be specified\n"), (outcome.ExitCode, outcome.Stderr));
    }
}
