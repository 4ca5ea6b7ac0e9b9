using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// The grouped programs on raw_syscalls against the kernel, side by side with each syscall's own
/// tracepoint capture: the same events, the same records, the same strings, including one whose
/// page is only resident by the syscall's exit.
/// </summary>
[Collection(BpfKernelCollection.Name)]
public sealed class SyscallGroupKernelTests(ITestOutputHelper log)
{
    private const int RingBytes = 16 << 20;
    private const int ENOENT = 2;
    private const string Comm = "frsysgroup";

    // 1000 getppid, 10 openat of argv[1], then the file argv[2] (fd 3) and one openat of the path
    // written in it through a private mapping nothing has read (its page is not resident at sys_enter).
    private const string Source = """
        #include <fcntl.h>
        #include <sys/mman.h>
        #include <sys/syscall.h>
        #include <unistd.h>

        int main(int argc, char **argv)
        {
            for (int i = 0; i < 1000; i++)
                syscall(SYS_getppid);
            for (int i = 0; i < 10; i++)
                if (openat(AT_FDCWD, argv[1], O_RDONLY) >= 0)
                    return 2;
            int fd = open(argv[2], O_RDONLY);
            const char *untouched = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
            if (fd < 0 || untouched == MAP_FAILED || openat(AT_FDCWD, untouched, O_RDONLY) >= 0)
                return 3;
            return 0;
        }
        """;

    // Probe indexes: grouped entries, grouped returns, then the tracepoints' own captures.
    private const int GroupedGetppid = 0;
    private const int GroupedOpenat = 1;
    private const int GroupedGetppidReturn = 2;
    private const int GroupedOpenatReturn = 3;
    private const int OwnGetppid = 4;
    private const int OwnOpenat = 5;
    private const int OwnOpenatReturn = 6;

    [Fact]
    public void GroupedRecordsAreTheTracepointsOwn()
    {
        if (BpfKernel.OpenatFormat(log) is not { } openat)
        {
            return;
        }

        var numbers = SyscallNumbers.Current;
        if (!numbers.TryGetValue("openat", out int openatNumber) || !numbers.TryGetValue("getppid", out int getppidNumber))
        {
            log.WriteLine("no syscall number table for this architecture: nothing is grouped");
            return;
        }

        using var workload = NativeWorkload.Compile(Comm, Source, log);
        if (workload is null)
        {
            return;
        }

        var tracefs = TracefsCatalogue.Open();
        var getppid = tracefs.Format("syscalls:sys_enter_getppid");
        var getppidExit = tracefs.Format("syscalls:sys_exit_getppid");
        var openatExit = tracefs.Format("syscalls:sys_exit_openat");
        var rawEnter = tracefs.Format(SyscallGrouping.RawEnter);
        var rawExit = tracefs.Format(SyscallGrouping.RawExit);
        Assert.True(SyscallGrouping.IsRawLayout(rawEnter, isEntry: true) && SyscallGrouping.IsRawLayout(rawExit, isEntry: false));
        Assert.True(SyscallGrouping.IsSyscallLayout(openat, isEntry: true) && SyscallGrouping.IsSyscallLayout(openatExit, isEntry: false));

        var filter = BpfCaptureFilter.CommName(BpfComparison.Equal, Comm);
        TracepointCaptureSpec Spec(TracepointFormat format, int index, params string[] strings) =>
            TracepointCaptureSpec.ForFormat(format, index, strings, filter: filter);
        var entries = SyscallGroupPlan.Create(true, rawEnter.Id, rawExit.Id, [
            new(getppidNumber, Spec(getppid, GroupedGetppid)), new(openatNumber, Spec(openat, GroupedOpenat, "filename"))]);
        var returns = SyscallGroupPlan.Create(false, rawExit.Id, rawExit.Id, [
            new(getppidNumber, Spec(getppidExit, GroupedGetppidReturn)), new(openatNumber, Spec(openatExit, GroupedOpenatReturn))]);

        string missing = Path.Combine(workload.Directory, "missing");
        string untouchedTarget = Path.Combine(workload.Directory, "missing-untouched");
        string pathFile = Path.Combine(workload.Directory, "path");
        File.WriteAllText(pathFile, untouchedTarget + "\0");
        var sink = new CollectingSink();
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            using (SyscallGroupCapture.Attach(channel, entries))
            using (SyscallGroupCapture.Attach(channel, returns))
            using (TracepointCaptureProbe.Attach(channel, getppid.Id, Spec(getppid, OwnGetppid)))
            using (TracepointCaptureProbe.Attach(channel, openat.Id, Spec(openat, OwnOpenat, "filename"), openatExit.Id))
            using (TracepointCaptureProbe.Attach(channel, openatExit.Id, Spec(openatExit, OwnOpenatReturn)))
            {
                var (exitCode, output) = NativeWorkload.Run(workload.Path, [missing, pathFile]);
                Assert.Equal((0, ""), (exitCode, output));
            }

            channel.Reader.Drain(sink);
            Assert.Equal(0, channel.ReadLost());
        }

        var child = sink.Events.Where(e => e.Comm == Comm).ToList();
        List<CapturedEvent> Of(int probe) => [.. child.Where(e => e.ProbeIndex == probe)];
        Assert.Equal((1000, 1000, 1000), (Of(GroupedGetppid).Count, Of(OwnGetppid).Count, Of(GroupedGetppidReturn).Count));

        // The loader's own opens come first; ours are the last twelve (open of the path file is an openat too).
        var grouped = Of(GroupedOpenat);
        var own = Of(OwnOpenat);
        Assert.Equal(own.Count, grouped.Count);
        Assert.Equal([.. Enumerable.Repeat(missing, 10), pathFile, untouchedTarget], grouped.TakeLast(12).Select(e => e.Strings[0]));
        for (int i = 0; i < grouped.Count; i++)
        {
            AssertSameRecord(own[i], grouped[i]);
        }

        var groupedReturns = Of(GroupedOpenatReturn);
        Assert.Equal(Of(OwnOpenatReturn).Count, groupedReturns.Count);
        Assert.Equal(
            [.. Enumerable.Repeat(-ENOENT, 10), 3, -ENOENT],
            groupedReturns.TakeLast(12).Select(e => e.Int64At(16)));
        for (int i = 0; i < groupedReturns.Count; i++)
        {
            AssertSameRecord(Of(OwnOpenatReturn)[i], groupedReturns[i]);
        }

        AssertSameRecord(Of(OwnGetppid)[0], Of(GroupedGetppid)[0]);
    }

    // The same event: all but the probe index, the time and the 4 bytes of padding after
    // __syscall_nr (the group writes zeros, the kernel leaves whatever was there).
    private static void AssertSameRecord(CapturedEvent own, CapturedEvent grouped)
    {
        Assert.Equal((own.ProcessId, own.ThreadId, own.Comm), (grouped.ProcessId, grouped.ThreadId, grouped.Comm));
        Assert.Equal(own.Record.Length, grouped.Record.Length);
        Assert.Equal(own.Record[..12], grouped.Record[..12]);
        Assert.Equal(own.Record[Math.Min(16, own.Record.Length)..], grouped.Record[Math.Min(16, grouped.Record.Length)..]);
        Assert.Equal(own.StringStatus, grouped.StringStatus);
        Assert.Equal(own.Strings, grouped.Strings);
    }
}
