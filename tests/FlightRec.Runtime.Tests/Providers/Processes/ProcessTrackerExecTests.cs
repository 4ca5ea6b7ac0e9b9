using System.Text;
using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Tests.Providers.Processes;

/// <summary>
/// FlightRec's <c>process.exec</c>: which exec events fire it, fed by hand (the raw record is given
/// as the file's name, so the hits show which record a handler would read <c>$filename</c> from).
/// </summary>
public sealed class ProcessTrackerExecTests
{
    private const ulong ForkFlags = 0x11; // SIGCHLD

    private static readonly RunningProcess Shell = new(300, "bash", "/usr/bin/bash", false);

    private static (ProcessTracker Tracker, RecordingHitSink Sink) Tracker(params string[] points)
    {
        var probes = points.Select(p => ProcessProbePoint.Parse(p)!).ToList();
        return (new ProcessTracker(probes), new RecordingHitSink(probes));
    }

    private static TaskComm Comm(string text) => TaskComm.From(Encoding.UTF8.GetBytes(text));

    private static void Exec(ProcessTracker tracker, RecordingHitSink sink, int pid, string path, long time, int cpu)
    {
        byte[] file = Encoding.UTF8.GetBytes(path);
        tracker.OnExec(pid, pid, file, time, cpu, sink, file);
    }

    [Fact]
    public void InTheTreeTheTargetsExecAndEveryMembersExecFireWithTheNewImageBetweenEndAndBegin()
    {
        var (tracker, sink) = Tracker("process.begin", "process.end", "process.exec");
        tracker.Start(300, [Shell], 100, 0, sink);
        Exec(tracker, sink, 300, "/usr/bin/make", 150, 0);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("make"), 200, 0, sink);
        Exec(tracker, sink, 301, "/usr/bin/cc", 210, 0);
        tracker.OnNewTask(1, 400, ForkFlags, Comm("init"), 220, 1, sink);
        Exec(tracker, sink, 400, "/usr/bin/ls", 230, 1); // outside the tree
        tracker.OnExit(301, 301, Comm("cc"), true, 240, 0, sink);

        Assert.Equal(
        [
            "process.exec 300 300 make 0 150 /usr/bin/make",
            "process.begin 301 301 make 0 200",
            "process.end 301 301 make 0 210",
            "process.exec 301 301 cc 0 210 /usr/bin/cc",
            "process.begin 301 301 cc 0 210",
            "process.end 301 301 cc 0 240",
        ], sink.Hits);
    }

    [Fact]
    public void AnExecDrainedBeforeItsForkFiresWhenTheForkArrivesWithItsOwnRecord()
    {
        var (tracker, sink) = Tracker("process.exec", "process.end");
        tracker.Start(300, [Shell], 100, 0, sink);
        Exec(tracker, sink, 301, "/usr/bin/ls", 210, 1);
        Exec(tracker, sink, 500, "/usr/bin/ls", 212, 1); // outside the tree: its fork will never qualify
        tracker.OnExit(301, 301, Comm("ls"), true, 220, 1, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);

        Assert.Equal(
        [
            "process.end 301 301 bash 1 210",
            "process.exec 301 301 ls 1 210 /usr/bin/ls",
            "process.end 301 301 ls 1 220",
        ], sink.Hits);
    }

    [Fact]
    public void WithoutATargetEveryExecFires()
    {
        var (tracker, sink) = Tracker("process.exec");
        tracker.Start(0, [Shell], 100, 0, sink);
        Exec(tracker, sink, 300, "/usr/bin/ls", 150, 0);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("ls"), 200, 0, sink);
        Exec(tracker, sink, 301, "/usr/bin/cat", 210, 1);

        Assert.Equal(["process.exec 300 300 ls 0 150 /usr/bin/ls", "process.exec 301 301 cat 1 210 /usr/bin/cat"], sink.Hits);
    }

    [Fact]
    public void APathExecFiresWhenTheNewImageIsThatPathAndAPidExecWhenThatProcessExecs()
    {
        var (tracker, sink) = Tracker("process(\"/usr/bin/ls\").exec", "process(300).exec");
        tracker.Start(0, [Shell], 100, 0, sink);
        tracker.OnNewTask(300, 301, ForkFlags, Comm("bash"), 200, 0, sink);
        Exec(tracker, sink, 301, "/usr/bin/cat", 210, 0);
        Exec(tracker, sink, 302, "/usr/bin/ls", 220, 1);
        Exec(tracker, sink, 300, "/usr/bin/cat", 230, 0);
        Exec(tracker, sink, 300, "/usr/bin/ls", 240, 0);

        Assert.Equal(
        [
            "process(\"/usr/bin/ls\").exec 302 302 ls 1 220 /usr/bin/ls",
            "process(300).exec 300 300 cat 0 230 /usr/bin/cat",
            "process(\"/usr/bin/ls\").exec 300 300 ls 0 240 /usr/bin/ls",
            "process(300).exec 300 300 ls 0 240 /usr/bin/ls",
        ], sink.Hits);
    }
}
