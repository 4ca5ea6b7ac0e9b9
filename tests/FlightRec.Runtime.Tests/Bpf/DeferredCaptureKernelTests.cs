using System.Globalization;
using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// Strings on pages the process has not touched yet: bpf_probe_read_user_str cannot fault them
/// in at sys_enter, so the record waits in the stash until sys_exit, where the kernel has.
/// </summary>
[Collection(BpfKernelCollection.Name)]
public sealed class DeferredCaptureKernelTests(ITestOutputHelper log)
{
    private const int RingBytes = 8 << 20;
    private const int EFAULT = 14;

    // Opens the path stored in argv[1] through a private mapping of that file that nothing has
    // read: the page is in the page cache but not in the process's page tables. Prints the
    // pointer first (printing it does not touch the page).
    // Opens the path stored in argv[1] through private mappings of that file that nothing has
    // read: the page is in the page cache but not in the process's page tables. argv[2] says how
    // many mappings (one by default), each opened once. Prints the pointers first (printing
    // them does not touch the pages).
    private const string UntouchedPathSource = """
        #include <fcntl.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/mman.h>
        #include <unistd.h>

        int main(int argc, char **argv)
        {
            int count = argc > 2 ? atoi(argv[2]) : 1;
            const char *paths[8];
            int fd = open(argv[1], O_RDONLY);
            if (fd < 0 || count < 1 || count > 8)
                return 2;
            for (int i = 0; i < count; i++) {
                paths[i] = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
                if (paths[i] == MAP_FAILED)
                    return 3;
                printf("%lx\n", (unsigned long)paths[i]);
            }
            fflush(stdout);
            for (int i = 0; i < count; i++) {
                if (openat(AT_FDCWD, paths[i], O_RDONLY) >= 0)
                    return 4;
            }
            return 0;
        }
        """;

    private const string UntouchedComm = "frdeferred";

    [Fact]
    public void UntouchedPageFaultsWithoutTheExitProgram()
    {
        var (target, opened) = OpenThroughUntouchedPage(exitProgram: false);
        if (opened is null)
        {
            return;
        }

        Assert.Equal(-EFAULT, opened.StringStatus[0]);
        Assert.Null(opened.Strings[0]);
        Assert.NotEmpty(target);
    }

    [Fact]
    public void UntouchedPageIsReadAtTheExitWithTheEntryRecord()
    {
        var (target, opened) = OpenThroughUntouchedPage(exitProgram: true);
        if (opened is null)
        {
            return;
        }

        Assert.Equal(target, opened.Strings[0]);
        Assert.Equal(target.Length + 1, opened.StringStatus[0]);
        Assert.Equal(UntouchedComm, opened.Comm);
        Assert.Equal(opened.ProcessId, opened.ThreadId);
        Assert.Equal(0L, opened.Int64At(0));
    }

    [Fact]
    public void StringStillUnreadableAtTheExitIsSubmittedWithItsFault()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        // flags read as a pointer: no user address, at the exit as at the entry.
        var spec = new TracepointCaptureSpec(
            5,
            TracepointCaptureSpec.RecordSizeOf(format),
            [format.Field("filename")!.Offset, format.Field("flags")!.Offset],
            Filter: BpfCaptureFilter.CommName(BpfComparison.Equal, "cat"));
        var sink = new CollectingSink();
        int child;
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            using (var probe = TracepointCaptureProbe.Attach(channel, format.Id, spec, BpfKernel.OpenatExitId()))
            {
                child = OpenatTraffic.RunCat("", exitCode: 1);
                Assert.False(probe.Stash!.TryLookup(BitConverter.GetBytes(child), new byte[probe.Layout.TotalSize]));
            }

            channel.Reader.Drain(sink);
            Assert.Equal(0, channel.ReadLost());
        }

        var empty = Assert.Single(sink.Events, e => e.ProcessId == child && e.Strings[0] == "");
        Assert.Equal((1, -EFAULT), (empty.StringStatus[0], empty.StringStatus[1]));
        Assert.All(sink.Events, e => Assert.Equal(-EFAULT, e.StringStatus[1]));
    }

    [Fact]
    public void TwoHundredShortLivedCatsAreCapturedExactly()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        string directory = OpenatTraffic.NewPrefix() + "cats";
        Directory.CreateDirectory(directory);
        try
        {
            var expected = Enumerable.Range(0, 200).Select(i => Path.Combine(directory, $"file-{i:D3}")).ToList();
            foreach (string path in expected)
            {
                File.WriteAllText(path, "x");
            }

            var spec = TracepointCaptureSpec.ForFormat(format, 3, ["filename"], filter: BpfCaptureFilter.CommName(BpfComparison.Equal, "cat"));
            var sink = new CollectingSink();
            using (var channel = BpfCaptureChannel.Create(RingBytes))
            {
                using (TracepointCaptureProbe.Attach(channel, format.Id, spec, BpfKernel.OpenatExitId()))
                {
                    var (exitCode, output) = NativeWorkload.Run(
                        "/bin/sh", ["-c", "for f in \"$1\"/file-*; do /bin/cat \"$f\" >/dev/null || exit 1; done", "sh", directory]);
                    Assert.Equal((0, ""), (exitCode, output));
                }

                channel.Reader.Drain(sink);
                Assert.Equal(0, channel.ReadLost());
            }

            log.WriteLine($"{sink.Events.Count} openat records of cat");
            Assert.All(sink.Events, e => Assert.Equal("cat", e.Comm));
            Assert.All(sink.Events, e => Assert.True(e.StringStatus[0] > 0, $"cat {e.ProcessId} openat string status {e.StringStatus[0]}"));
            var ours = sink.Events.Where(e => e.Strings[0]!.StartsWith(directory, StringComparison.Ordinal)).ToList();
            Assert.Equal(expected, ours.Select(e => e.Strings[0]));
            Assert.Equal(200, ours.Select(e => e.ProcessId).Distinct().Count());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void SyscallEntryIsPairedWithItsExitAndOtherTracepointsWithNothing()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        var tracefs = TracefsCatalogue.Open();
        Assert.Equal(BpfKernel.OpenatExitId(), TracepointProvider.SyscallExitId(tracefs, format));
        Assert.Null(TracepointProvider.SyscallExitId(tracefs, tracefs.Format("syscalls:sys_exit_openat")));
        Assert.Null(TracepointProvider.SyscallExitId(tracefs, tracefs.Format("sched:sched_process_exec")));
    }

    [Fact]
    public void StaleStashEntryIsOverwrittenAndCountedLost()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        using var workload = NativeWorkload.Compile(UntouchedComm, UntouchedPathSource, log);
        if (workload is null)
        {
            return;
        }

        // The completing program on an exit this workload never reaches (getppid): every stashed
        // record of its thread waits, and each new one replaces the one before.
        int neverReached = TracefsCatalogue.Open().Format("syscalls:sys_exit_getppid").Id;
        string target = Path.Combine(workload.Directory, "missing-stale");
        string pathFile = Path.Combine(workload.Directory, "path");
        File.WriteAllText(pathFile, target + "\0");
        var spec = TracepointCaptureSpec.ForFormat(
            format, 2, ["filename"], filter: BpfCaptureFilter.CommName(BpfComparison.Equal, UntouchedComm));
        var sink = new CollectingSink();
        using var channel = BpfCaptureChannel.Create(RingBytes);
        using (var probe = TracepointCaptureProbe.Attach(channel, format.Id, spec, neverReached))
        {
            var (exitCode, output) = NativeWorkload.Run(workload.Path, [pathFile, "2"]);
            Assert.Equal(0, exitCode);
            channel.Reader.Drain(sink);
            long second = Pointers(output)[1];
            int child = Assert.Single(sink.Events.Select(e => e.ThreadId).Distinct());
            var value = new byte[probe.Layout.TotalSize];
            Assert.True(probe.Stash!.TryLookup(BitConverter.GetBytes(child), value));
            var stashed = CapturedEvent.From(value);
            Assert.Equal((child, UntouchedComm, -EFAULT), (stashed.ThreadId, stashed.Comm, stashed.StringStatus[0]));
            Assert.Equal(second, stashed.Int64At(format.Field("filename")!.Offset));
        }

        // At least the first untouched open was replaced by the second (the loader's may have been too).
        Assert.True(channel.ReadLost() >= 1, $"lost {channel.ReadLost()}");
        Assert.All(sink.Events, e => Assert.True(e.StringStatus[0] > 0));
    }

    private static long[] Pointers(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => long.Parse(line, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    private (string Target, CapturedEvent? Opened) OpenThroughUntouchedPage(bool exitProgram)
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return ("", null);
        }

        using var workload = NativeWorkload.Compile(UntouchedComm, UntouchedPathSource, log);
        if (workload is null)
        {
            return ("", null);
        }

        string target = Path.Combine(workload.Directory, "missing-" + (exitProgram ? "exit" : "entry"));
        string pathFile = Path.Combine(workload.Directory, "path");
        File.WriteAllText(pathFile, target + "\0");
        var spec = TracepointCaptureSpec.ForFormat(
            format, 1, ["filename"], filter: BpfCaptureFilter.CommName(BpfComparison.Equal, UntouchedComm));
        var sink = new CollectingSink();
        string output;
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            using (var probe = TracepointCaptureProbe.Attach(channel, format.Id, spec, exitProgram ? BpfKernel.OpenatExitId() : null))
            {
                int exitCode;
                (exitCode, output) = NativeWorkload.Run(workload.Path, [pathFile]);
                Assert.Equal(0, exitCode);
                channel.Reader.Drain(sink);

                // Completed records leave nothing behind in the stash.
                Assert.Equal(exitProgram, probe.Stash is not null);
                if (probe.Stash is { } stash)
                {
                    Assert.All(sink.Events, e => Assert.False(stash.TryLookup(BitConverter.GetBytes(e.ThreadId), new byte[probe.Layout.TotalSize])));
                }
            }

            Assert.Equal(0, channel.ReadLost());
        }

        long pointer = Assert.Single(Pointers(output));
        int filename = format.Field("filename")!.Offset;
        return (target, Assert.Single(sink.Events, e => e.Int64At(filename) == pointer));
    }
}
