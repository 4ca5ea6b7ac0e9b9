using System.Collections.Immutable;
using System.Diagnostics;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>Capture programs on syscalls:sys_enter_openat, against the running kernel.</summary>
[Collection(BpfKernelCollection.Name)]
public sealed class TracepointCaptureKernelTests(ITestOutputHelper log)
{
    private const int ProbeIndex = 7;
    private const int RingBytes = 1 << 20;

    [Fact]
    public void PidFilterCapturesOurOpensInOrderWithTheirFilenames()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        int pid = Environment.ProcessId;
        int tid = ProcessIds.ThreadId;
        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        long before, after;
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            var spec = TracepointCaptureSpec.ForFormat(
                format, ProbeIndex, ["filename"], filter: BpfCaptureFilter.ProcessId(BpfComparison.Equal, pid));
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                before = Stopwatch.GetTimestamp();
                for (int i = 0; i < 200; i++)
                {
                    OpenatTraffic.OpenForRead(prefix + i);
                }

                after = Stopwatch.GetTimestamp();
            }

            channel.Reader.Drain(sink);
            Assert.Equal(0, channel.ReadLost());
        }

        Assert.All(sink.Events, e => Assert.Equal(pid, e.ProcessId));
        var ours = sink.Events.Where(e => e.Strings[0]?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => prefix + i), ours.Select(e => e.Strings[0]));
        Assert.Equal(ours, sink.Events.Where(e => e.ThreadId == tid));
        Assert.All(ours, e =>
        {
            Assert.Equal(ProbeIndex, e.ProbeIndex);
            Assert.Equal(tid, e.ThreadId);
            Assert.Equal(e.Strings[0]!.Length + 1, e.StringStatus[0]);
            Assert.InRange(e.Timestamp, before, after);
            Assert.Equal(0L, e.Int64At(0)); // the common_* bytes BPF cannot read
            Assert.Equal(-100L, (int)e.Int64At(format.Field("dfd")!.Offset)); // AT_FDCWD
            Assert.NotEqual(0L, e.Int64At(format.Field("filename")!.Offset));
        });
        Assert.Equal(ours.Select(e => e.Timestamp).Order(), ours.Select(e => e.Timestamp));
    }

    [Fact]
    public void ChildThatExitsBeforeTheDrainKeepsItsFilename()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        string path = OpenatTraffic.NewPrefix() + "child";
        File.WriteAllText(path, "x");
        try
        {
            var sink = new CollectingSink();
            int child;
            using (var channel = BpfCaptureChannel.Create(RingBytes))
            {
                var spec = TracepointCaptureSpec.ForFormat(
                    format, ProbeIndex, ["filename"], filter: BpfCaptureFilter.ProcessId(BpfComparison.NotEqual, Environment.ProcessId));
                using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
                {
                    child = OpenatTraffic.RunCat(path);
                    OpenatTraffic.OpenForRead(path + "-host");
                }

                Assert.True(channel.Reader.HasPending);
                channel.Reader.Drain(sink);
            }

            var opened = Assert.Single(sink.Events, e => e.Strings[0] == path);
            Assert.Equal(child, opened.ProcessId);
            Assert.Equal(child, opened.ThreadId);
            Assert.Equal("cat", opened.Comm);
            Assert.DoesNotContain(sink.Events, e => e.ProcessId == Environment.ProcessId);
            Assert.DoesNotContain(sink.Events, e => e.Strings[0] == path + "-host");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CommFilterKeepsOnlyThatCommand()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        string path = OpenatTraffic.NewPrefix() + "comm";
        File.WriteAllText(path, "x");
        try
        {
            var sink = new CollectingSink();
            int child;
            using (var channel = BpfCaptureChannel.Create(RingBytes))
            {
                var spec = TracepointCaptureSpec.ForFormat(
                    format, ProbeIndex, ["filename"], filter: BpfCaptureFilter.CommName(BpfComparison.Equal, "cat"));
                using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
                {
                    OpenatTraffic.OpenForRead(path + "-host");
                    child = OpenatTraffic.RunCat(path);
                }

                channel.Reader.Drain(sink);
            }

            Assert.All(sink.Events, e => Assert.Equal("cat", e.Comm));
            Assert.Equal(child, Assert.Single(sink.Events, e => e.Strings[0] == path).ProcessId);
            Assert.DoesNotContain(sink.Events, e => e.Strings[0] == path + "-host");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CommNotEqualDropsThatCommand()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        string path = OpenatTraffic.NewPrefix() + "notcomm";
        File.WriteAllText(path, "x");
        try
        {
            var sink = new CollectingSink();
            using (var channel = BpfCaptureChannel.Create(RingBytes))
            {
                var spec = TracepointCaptureSpec.ForFormat(
                    format, ProbeIndex, ["filename"], filter: BpfCaptureFilter.CommName(BpfComparison.NotEqual, "cat"));
                using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
                {
                    OpenatTraffic.OpenForRead(path + "-host");
                    OpenatTraffic.RunCat(path);
                }

                channel.Reader.Drain(sink);
            }

            Assert.DoesNotContain(sink.Events, e => e.Comm == "cat");
            Assert.Single(sink.Events, e => e.Strings[0] == path + "-host");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OneAttachmentOnCpuZeroCapturesOnEveryCpu()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        var cpus = CpuAffinity.AllowedCpus();
        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        int tid = 0;
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            var spec = TracepointCaptureSpec.ForFormat(
                format, ProbeIndex, ["filename"], filter: BpfCaptureFilter.ProcessId(BpfComparison.Equal, Environment.ProcessId));
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                // A thread of our own, so pinning it disturbs no test runner thread.
                var worker = new Thread(() =>
                {
                    tid = ProcessIds.ThreadId;
                    foreach (int cpu in cpus)
                    {
                        Assert.True(CpuAffinity.PinCurrentThread(cpu));
                        OpenatTraffic.OpenForRead(prefix + cpu);
                    }
                });
                worker.Start();
                worker.Join();
            }

            channel.Reader.Drain(sink);
        }

        var ours = sink.Events.Where(e => e.ThreadId == tid && e.Strings[0]!.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(cpus.Select(c => (c, (string?)(prefix + c))), ours.Select(e => (e.Cpu, e.Strings[0])));
    }

    [Fact]
    public void RingFdIsReadableInEpollWhileRecordsWait()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        using var channel = BpfCaptureChannel.Create(RingBytes);
        int epoll = Epoll.Create();
        try
        {
            Epoll.Add(epoll, channel.Reader.FileDescriptor, Epoll.EPOLLIN, 42);
            var events = new EpollEvents(4);
            Assert.Equal(0, Epoll.Wait(epoll, events, 0));
            var spec = new TracepointCaptureSpec(
                ProbeIndex, TracepointCaptureSpec.RecordSizeOf(format), ImmutableArray<int>.Empty,
                Filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                OpenatTraffic.OpenForRead(OpenatTraffic.NewPrefix() + "epoll");
            }

            Assert.Equal(1, Epoll.Wait(epoll, events, 1000));
            var sink = new CollectingSink();
            Assert.Equal(1, channel.Reader.Drain(sink));
            Assert.Empty(Assert.Single(sink.Events).Strings);
            Assert.Equal(0, Epoll.Wait(epoll, events, 0));
        }
        finally
        {
            FileDescriptors.Close(epoll);
        }
    }
}
