using System.Text;
using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Tests.Providers.Processes;

/// <summary>Which process probes fire for which events, fed by hand (no kernel): the rules of stap's task finder as FlightRec keeps them.</summary>
public sealed class ProcessTrackerTests
{
    private const ulong CloneThread = 0x10000;
    private const ulong ForkFlags = 0x11; // SIGCHLD

    private static readonly RunningProcess Init = new(1, "init", "/usr/lib/systemd/systemd", false);
    private static readonly RunningProcess Kworker = new(50, "kworker/0:1", "", true);
    private static readonly RunningProcess Shell = new(300, "bash", "/usr/bin/bash", false);

    private static (ProcessTracker Tracker, RecordingHitSink Sink) Tracker(params string[] points)
    {
        var probes = points.Select(p => ProcessProbePoint.Parse(p)!).ToList();
        return (new ProcessTracker(probes), new RecordingHitSink(probes));
    }

    private static TaskComm Comm(string text) => TaskComm.From(Encoding.UTF8.GetBytes(text));

    private static byte[] File(string path) => Encoding.UTF8.GetBytes(path);

    [Fact]
    public void WithoutATargetEveryUserProcessBeginsAtStartupAndEveryNewOneAndEveryDeathIsReported()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(0, [Init, Kworker, Shell], 100, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 1, sink);
        tracker.OnNewTask(300, 302, ForkFlags | CloneThread, Comm("bash"), 210, 1, sink); // a thread
        tracker.OnNewTask(2, 303, ForkFlags, Comm("kthreadd"), 220, 1, sink);              // a kernel thread
        tracker.OnExit(303, 303, Comm("kworker/1:2"), true, 230, 1, sink);
        tracker.OnExit(301, 301, Comm("bash"), false, 240, 0, sink);                       // one thread of it
        tracker.OnExit(301, 301, Comm("bash"), true, 250, 0, sink);

        Assert.Equal(
        [
            "process.begin 1 1 init 0 100",
            "process.begin 300 300 bash 0 100",
            "process.begin 301 301 bash 1 200",
            "process.end 301 301 bash 0 250",
        ], sink.Hits);
    }

    [Fact]
    public void AProcessFoundByTheScanIsNotReportedAgainByItsFork()
    {
        var (tracker, sink) = Tracker("process.begin");
        tracker.Start(0, [Shell, new RunningProcess(301, "bash", "/usr/bin/bash", false)], 100, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 90, 1, sink);

        Assert.Equal(["process.begin 300 300 bash 0 100", "process.begin 301 301 bash 0 100"], sink.Hits);
    }

    [Fact]
    public void WithATargetOnlyItsDescendantsCountAndNotTheTargetItself()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(300, [Init, Shell], 100, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("burst"), 200, 0, sink);
        tracker.OnNewTask(301, 302, ForkFlags, Comm("burst"), 210, 1, sink);  // a grandchild
        tracker.OnNewTask(1, 400, ForkFlags, Comm("init"), 220, 1, sink);     // not in the tree
        tracker.OnExit(400, 400, Comm("init"), true, 230, 1, sink);
        tracker.OnExit(302, 302, Comm("burst"), true, 240, 1, sink);
        tracker.OnExit(301, 301, Comm("burst"), true, 250, 0, sink);
        tracker.OnExec(300, 300, File("/usr/bin/true"), 255, 0, sink);
        tracker.OnExit(300, 300, Comm("true"), true, 260, 0, sink);

        Assert.Equal(
        [
            "process.begin 301 301 burst 0 200",
            "process.begin 302 302 burst 1 210",
            "process.end 302 302 burst 1 240",
            "process.end 301 301 burst 0 250",
        ], sink.Hits);
    }

    [Fact]
    public void AnExitDrainedBeforeTheForkOfAnotherCpuIsReportedAfterItsBegin()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(300, [Shell], 100, 0, sink);
        // CPU 1 drains first: the child's exit and a fork of its own, then CPU 0 the target's fork of it.
        tracker.OnNewTask(301, 302, ForkFlags, Comm("burst"), 205, 1, sink);
        tracker.OnExit(301, 301, Comm("burst"), true, 210, 1, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("burst"), 200, 0, sink);

        Assert.Equal(
        [
            "process.begin 301 301 burst 0 200",
            "process.begin 302 302 burst 1 205",
            "process.end 301 301 burst 1 210",
        ], sink.Hits);
    }

    [Fact]
    public void APathBeginsAtStartupAtExecAndInItsChildrenAndEndsAtExitOrExecOfAnotherProgram()
    {
        var (tracker, sink) = Tracker("process(\"/usr/bin/bash\").begin", "process(\"/usr/bin/bash\").end");
        tracker.Start(0, [Init, Shell], 100, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);       // bash's child runs bash
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 0, sink);              // ... until it execs ls
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 0, sink);
        tracker.OnNewTask(1, 500, ForkFlags, Comm("init"), 230, 1, sink);
        tracker.OnExec(500, 500, File("/usr/bin/bash"), 240, 1, sink);
        tracker.OnExit(500, 500, Comm("bash"), true, 250, 1, sink);
        tracker.OnExit(300, 300, Comm("bash"), true, 260, 0, sink);

        Assert.Equal(
        [
            "process(\"/usr/bin/bash\").begin 300 300 bash 0 100",
            "process(\"/usr/bin/bash\").begin 301 301 bash 0 200",
            "process(\"/usr/bin/bash\").end 301 301 bash 0 210",
            "process(\"/usr/bin/bash\").begin 500 500 bash 1 240",
            "process(\"/usr/bin/bash\").end 500 500 bash 1 250",
            "process(\"/usr/bin/bash\").end 300 300 bash 0 260",
        ], sink.Hits);
    }

    [Fact]
    public void APathMatchesThroughSymbolicLinksOfTheExecutedName()
    {
        string bash = ExecutablePath.Canonical("/bin/sh")!;
        var (tracker, sink) = Tracker($"process(\"{bash}\").begin");
        tracker.Start(0, [], 100, 0, sink);
        tracker.OnExec(600, 600, File("/bin/sh"), 200, 0, sink);

        Assert.Equal([$"process(\"{bash}\").begin 600 600 sh 0 200"], sink.Hits);
    }

    [Fact]
    public void APidBeginsOnlyAtStartupAndEndsAtItsDeathOrExec()
    {
        var (tracker, sink) = Tracker("process(300).begin", "process(300).end", "process(1).end", "process(999).begin");
        tracker.Start(0, [Init, Shell], 100, 0, sink);
        tracker.OnExec(1, 1, File("/usr/lib/systemd/systemd"), 200, 0, sink);
        tracker.OnExec(1, 1, File("/usr/lib/systemd/systemd"), 205, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 210, 0, sink);
        tracker.OnExit(301, 301, Comm("bash"), true, 220, 0, sink);
        tracker.OnExit(300, 300, Comm("bash"), true, 230, 1, sink);

        Assert.Equal(
        [
            "process(300).begin 300 300 bash 0 100",
            "process(1).end 1 1 init 0 200",
            "process(300).end 300 300 bash 1 230",
        ], sink.Hits);
    }

    [Fact]
    public void AnExecInTheTreeEndsTheOldImageAndBeginsTheNewOne()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(300, [Shell], 100, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 0, sink);
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 0, sink);

        Assert.Equal(
        [
            "process.begin 301 301 bash 0 200",
            "process.end 301 301 bash 0 210",
            "process.begin 301 301 ls 0 210",
            "process.end 301 301 ls 0 220",
        ], sink.Hits);
    }

    [Fact]
    public void AnExecDrainedBeforeTheForkOfAnotherCpuEndsTheOldImageAndBeginsTheNewOneInTheTree()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(300, [Shell], 100, 0, sink);
        // CPU 1 drains first: the child's exec and exit, then CPU 0 the target's fork of it.
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 1, sink);
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 1, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);

        Assert.Equal(
        [
            "process.begin 301 301 bash 0 200",
            "process.end 301 301 bash 1 210",
            "process.begin 301 301 ls 1 210",
            "process.end 301 301 ls 1 220",
        ], sink.Hits);
    }

    [Fact]
    public void WithoutATargetAnExecDrainedBeforeItsForkIsReportedAfterTheBegin()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(0, [Shell], 100, 0, sink);
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 1, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 1, sink);

        Assert.Equal(
        [
            "process.begin 300 300 bash 0 100",
            "process.begin 301 301 bash 0 200",
            "process.end 301 301 bash 1 210",
            "process.begin 301 301 ls 1 210",
            "process.end 301 301 ls 1 220",
        ], sink.Hits);
    }

    [Fact]
    public void ForksDrainedBeforeTheirParentsForkJoinTheImageTheyWereForkedFrom()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(300, [Shell], 100, 0, sink);
        // CPU 1: the child forks 303, execs ls, forks 302, exits; then CPU 0: the target's fork of the child.
        tracker.OnNewTask(301, 303, ForkFlags, Comm("bash"), 205, 1, sink);
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 1, sink);
        tracker.OnNewTask(301, 302, ForkFlags, Comm("ls"), 215, 1, sink);
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 1, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);

        Assert.Equal(
        [
            "process.begin 301 301 bash 0 200",
            "process.begin 303 303 bash 1 205",
            "process.end 301 301 bash 1 210",
            "process.begin 301 301 ls 1 210",
            "process.begin 302 302 ls 1 215",
            "process.end 301 301 ls 1 220",
        ], sink.Hits);
    }

    [Fact]
    public void APathChildsExecOfAnotherProgramDrainedBeforeItsForkEndsItAtTheExec()
    {
        var (tracker, sink) = Tracker("process(\"/usr/bin/bash\").begin", "process(\"/usr/bin/bash\").end");
        tracker.Start(0, [Shell], 100, 0, sink);
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 1, sink);
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 1, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);

        Assert.Equal(
        [
            "process(\"/usr/bin/bash\").begin 300 300 bash 0 100",
            "process(\"/usr/bin/bash\").begin 301 301 bash 0 200",
            "process(\"/usr/bin/bash\").end 301 301 bash 1 210",
        ], sink.Hits);
    }

    [Fact]
    public void AnExecOlderThanTheForkIsNotTheChildsAndTheExecOfTheNewImageDoesNotEndIt()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end");
        tracker.Start(300, [Shell], 100, 0, sink);
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 150, 1, sink); // an earlier process 301, outside the tree
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);
        tracker.OnExec(301, 301, File("/usr/bin/ls"), 210, 0, sink);
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 0, sink);

        Assert.Equal(
        [
            "process.begin 301 301 bash 0 200",
            "process.end 301 301 bash 0 210",
            "process.begin 301 301 ls 0 210",
            "process.end 301 301 ls 0 220",
        ], sink.Hits);
    }
}
