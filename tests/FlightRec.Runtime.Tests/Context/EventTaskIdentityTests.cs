using FlightRec.Runtime.Context;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Context;

/// <summary>ppid(), uid(), euid(), gid(), egid() of a kernel event: its task's, read from /proc/PID/status once per pid.</summary>
public sealed class EventTaskIdentityTests : IDisposable
{
    private readonly string _proc = Directory.CreateTempSubdirectory("frproc").FullName;

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    private void Status(long pid, string text)
    {
        Directory.CreateDirectory(Path.Combine(_proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        File.WriteAllText(Path.Combine(_proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "status"), text);
    }

    [Fact]
    public void TheStatusFileIsReadOnceAndAnExitedProcessKeepsItsValuesWhileAnUnknownOneReadsZero()
    {
        Status(42, "Name:\tworker\nPPid:\t7\nTracerPid:\t0\nUid:\t1000\t1001\t1000\t1000\nGid:\t100\t101\t100\t100\n");
        var tasks = new ProcStatusTaskIdentity(_proc);

        Assert.Equal(new TaskIdentity(7, 1000, 1001, 100, 101), tasks.Of(42));
        Directory.Delete(Path.Combine(_proc, "42"), recursive: true); // the process exits
        Assert.Equal(new TaskIdentity(7, 1000, 1001, 100, 101), tasks.Of(42));
        Assert.Equal(default, tasks.Of(43));
    }

    [Fact]
    public void TheTapsetReadsTheEventsTaskWhileAStreamHandlesEventsAndTheHostsOtherwise()
    {
        Status(42, "PPid:\t7\nUid:\t1000\t1001\t1000\t1000\nGid:\t100\t101\t100\t100\n");
        var context = new ProbeContext { Pid = 42, Ppid = 1, Uid = 0, Euid = 0, Gid = 0, Egid = 0 };

        Assert.Equal((1L, 0L, 0L, 0L, 0L), Identity(context));
        context.EventTask = new ProcStatusTaskIdentity(_proc);
        Assert.Equal((7L, 1000L, 1001L, 100L, 101L), Identity(context));
    }

    [Fact]
    public void TheRunningProcessReadsItsOwnParentAndIds()
    {
        var self = new ProcStatusTaskIdentity().Of(Environment.ProcessId);

        Assert.Equal(Runtime.Linux.UserIds.EffectiveUid(), (uint)self.Euid);
        Assert.Equal(Runtime.Linux.UserIds.RealUid(), (uint)self.Uid);
        Assert.NotEqual(0, self.Ppid);
    }

    private static (long, long, long, long, long) Identity(ProbeContext context) =>
        (TapsetContext.Ppid(context), TapsetContext.Uid(context), TapsetContext.Euid(context), TapsetContext.Gid(context), TapsetContext.Egid(context));
}
