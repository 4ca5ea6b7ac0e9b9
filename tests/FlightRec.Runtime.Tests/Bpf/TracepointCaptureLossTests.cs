using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>A ring too small for the burst: what does not fit is counted, never silently gone.</summary>
[Collection(BpfKernelCollection.Name)]
public sealed class TracepointCaptureLossTests(ITestOutputHelper log)
{
    [Fact]
    public void FullRingCountsEveryRecordItCouldNotTake()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        const int Generated = 200;
        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        long lost;
        using (var channel = BpfCaptureChannel.Create(Environment.SystemPageSize))
        {
            var spec = TracepointCaptureSpec.ForFormat(
                format, 3, ["filename"], filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                for (int i = 0; i < Generated; i++)
                {
                    OpenatTraffic.OpenForRead(prefix + i);
                }
            }

            channel.Reader.Drain(sink);
            lost = channel.ReadLost();
        }

        log.WriteLine($"captured {sink.Events.Count}, lost {lost}");
        Assert.All(sink.Events, e => Assert.StartsWith(prefix, e.Strings[0]));
        Assert.True(lost > 0, "a one-page ring cannot hold 200 records");
        Assert.NotEmpty(sink.Events);
        Assert.Equal(Generated, sink.Events.Count + lost);

        // The ring keeps the first records; the ones after it filled are the lost ones.
        Assert.Equal(Enumerable.Range(0, sink.Events.Count).Select(i => prefix + i), sink.Events.Select(e => e.Strings[0]));
    }

    [Fact]
    public void DrainingFreesTheRingForMoreRecords()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        string prefix = OpenatTraffic.NewPrefix();
        var sink = new CollectingSink();
        using var channel = BpfCaptureChannel.Create(Environment.SystemPageSize);
        var spec = TracepointCaptureSpec.ForFormat(
            format, 3, ["filename"], filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
        using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
        {
            // Many times around a one-page ring, drained after every open: records wrap the
            // end of the data area and still read whole (the data pages are mapped twice).
            for (int i = 0; i < 100; i++)
            {
                OpenatTraffic.OpenForRead(prefix + i);
                Assert.Equal(1, channel.Reader.Drain(sink));
            }
        }

        Assert.Equal(0, channel.ReadLost());
        Assert.Equal(Enumerable.Range(0, 100).Select(i => prefix + i), sink.Events.Select(e => e.Strings[0]));
    }
}
