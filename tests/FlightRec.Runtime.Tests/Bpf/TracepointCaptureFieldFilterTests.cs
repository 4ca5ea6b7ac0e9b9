using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// Integer field filters on sys_enter_openat's flags: read-only opens (O_RDONLY|O_CLOEXEC) and
/// synchronous write opens (O_WRONLY|O_CLOEXEC|O_SYNC, larger) told apart in the kernel.
/// </summary>
[Collection(BpfKernelCollection.Name)]
public sealed class TracepointCaptureFieldFilterTests(ITestOutputHelper log)
{
    private const int RingBytes = 1 << 20;
    private const int PerKind = 20;

    [Theory]
    [InlineData(BpfComparison.Equal, "write", "write")]
    [InlineData(BpfComparison.NotEqual, "write", "read")]
    [InlineData(BpfComparison.Greater, "read", "write")]
    [InlineData(BpfComparison.GreaterOrEqual, "write", "write")]
    [InlineData(BpfComparison.Less, "write", "read")]
    [InlineData(BpfComparison.LessOrEqual, "read", "read")]
    public void FlagsFilterKeepsTheOpensThatPass(BpfComparison comparison, string constantFrom, string kept)
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        var flags = format.Field("flags")!;
        var (readFlags, writeFlags) = ObserveFlags(format);
        Assert.True(readFlags < writeFlags, $"read flags {readFlags:x} should be below write flags {writeFlags:x}");
        long constant = constantFrom == "read" ? readFlags : writeFlags;

        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            var filter = BpfCaptureFilter.IntegerField(flags, comparison, constant);
            var spec = TracepointCaptureSpec.ForFormat(format, 1, ["filename"], filter: filter);
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                for (int i = 0; i < PerKind; i++)
                {
                    OpenatTraffic.OpenForRead(prefix + "read-" + i);
                    OpenatTraffic.OpenForSyncWrite(prefix + "write-" + i);
                }
            }

            channel.Reader.Drain(sink);
            Assert.Equal(0, channel.ReadLost());
        }

        // Every process's opens went through the same test in the kernel.
        Assert.All(sink.Events, e => Assert.True(Holds(comparison, e.Int64At(flags.Offset), constant)));
        var ours = sink.Events.Select(e => e.Strings[0]).Where(s => s!.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, PerKind).Select(i => prefix + kept + "-" + i), ours);
    }

    private (long Read, long Write) ObserveFlags(TracepointFormat format)
    {
        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        using (var channel = BpfCaptureChannel.Create(RingBytes))
        {
            var spec = TracepointCaptureSpec.ForFormat(
                format, 0, ["filename"], filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                OpenatTraffic.OpenForRead(prefix + "read");
                OpenatTraffic.OpenForSyncWrite(prefix + "write");
            }

            channel.Reader.Drain(sink);
        }

        int offset = format.Field("flags")!.Offset;
        long FlagsOf(string path) => Assert.Single(sink.Events, e => e.Strings[0] == path).Int64At(offset);
        var observed = (FlagsOf(prefix + "read"), FlagsOf(prefix + "write"));
        log.WriteLine($"openat flags: read {observed.Item1:x}, sync write {observed.Item2:x}");
        return observed;
    }

    private static bool Holds(BpfComparison comparison, long value, long constant) => comparison switch
    {
        BpfComparison.Equal => value == constant,
        BpfComparison.NotEqual => value != constant,
        BpfComparison.Less => (ulong)value < (ulong)constant,
        BpfComparison.Greater => (ulong)value > (ulong)constant,
        BpfComparison.LessOrEqual => (ulong)value <= (ulong)constant,
        BpfComparison.GreaterOrEqual => (ulong)value >= (ulong)constant,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
