using System.Collections.Immutable;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>How captured strings and signed fields come out of the kernel.</summary>
[Collection(BpfKernelCollection.Name)]
public sealed class TracepointCaptureStringTests(ITestOutputHelper log)
{
    private const int RingBytes = 1 << 20;
    private const int EFAULT = 14;

    [Fact]
    public void FaultAndEmptyStringAreTold()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        // flags read as a "pointer" (0x80000 is no mapped user address) faults; cat "" opens "".
        var spec = new TracepointCaptureSpec(
            5,
            TracepointCaptureSpec.RecordSizeOf(format),
            [format.Field("filename")!.Offset, format.Field("flags")!.Offset],
            Filter: BpfCaptureFilter.CommName(BpfComparison.Equal, "cat"));
        var sink = new CollectingSink();
        int child;
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                child = OpenatTraffic.RunCat("", exitCode: 1);
            }

            channel.Reader.Drain(sink);
        }

        var empty = Assert.Single(sink.Events, e => e.ProcessId == child && e.Strings[0] == "");
        Assert.Equal(1, empty.StringStatus[0]);
        Assert.Equal(-EFAULT, empty.StringStatus[1]);
        Assert.Null(empty.Strings[1]);
    }

    [Fact]
    public void LongStringIsCutAtTheCapacity()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        string path = OpenatTraffic.NewPrefix() + new string('x', 100);
        var spec = TracepointCaptureSpec.ForFormat(
            format, 0, ["filename"], maxStringLength: 32, filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
        var sink = new CollectingSink();
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                OpenatTraffic.OpenForRead(path);
            }

            channel.Reader.Drain(sink);
        }

        var opened = Assert.Single(sink.Events);
        Assert.Equal(32, opened.StringStatus[0]);
        Assert.Equal(path[..31], opened.Strings[0]);
    }

    [Fact]
    public void SignedFieldIsComparedSigned()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        // __syscall_nr is a signed 4-byte field: "> -1" holds only when it is sign-extended
        // and compared signed (unsigned, every number is below 0xffffffffffffffff).
        var syscallNumber = format.Field("__syscall_nr")!;
        Assert.Equal((8, 4, true), (syscallNumber.Offset, syscallNumber.Size, syscallNumber.IsSigned));
        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            var spec = TracepointCaptureSpec.ForFormat(
                format, 0, ["filename"], filter: BpfCaptureFilter.IntegerField(syscallNumber, BpfComparison.Greater, -1));
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                OpenatTraffic.OpenForRead(prefix + "signed");
            }

            channel.Reader.Drain(sink);
        }

        Assert.Single(sink.Events, e => e.Strings[0] == prefix + "signed");
    }
}
