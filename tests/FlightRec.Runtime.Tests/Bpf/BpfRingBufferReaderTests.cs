using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>The reader against records a hand-written program leaves in the ring.</summary>
[Collection(BpfKernelCollection.Name)]
public sealed class BpfRingBufferReaderTests(ITestOutputHelper log)
{
    [Fact]
    public void DiscardedRecordsAreSkipped()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        using var ring = BpfMap.CreateRingBuffer(Environment.SystemPageSize, "fr_discard");
        using var reader = BpfRingBufferReader.Open(ring);

        // Per openat of this thread: reserve 8 bytes holding 1 and discard them, then reserve
        // 8 bytes holding 2 and submit them. Only the 2s may come out.
        var asm = new BpfAssembler();
        var done = asm.DefineLabel();
        asm.Call(BpfHelper.GetCurrentPidTgid)
            .Alu32(BpfAluOperation.Move, BpfRegister.R0, BpfRegister.R0)
            .JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R0, ProcessIds.ThreadId, done);
        foreach (var (value, helper) in new[] { (1, BpfHelper.RingBufferDiscard), (2, BpfHelper.RingBufferSubmit) })
        {
            asm.LoadMap(BpfRegister.R1, ring.FileDescriptor)
                .Move(BpfRegister.R2, 8)
                .Move(BpfRegister.R3, 0)
                .Call(BpfHelper.RingBufferReserve)
                .JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, done)
                .StoreImmediate(BpfSize.DoubleWord, BpfRegister.R0, 0, value)
                .Move(BpfRegister.R1, BpfRegister.R0)
                .Move(BpfRegister.R2, 0)
                .Call(helper);
        }

        asm.Mark(done).Move(BpfRegister.R0, 0).Exit();
        var sink = new CollectingValues();
        using (var program = BpfProgram.Load(BpfProgramType.Tracepoint, asm.Build(), "GPL", "fr_discard"))
        using (BpfTracepointAttachment.Attach(format.Id, program))
        {
            string prefix = OpenatTraffic.NewPrefix();
            for (int i = 0; i < 300; i++)
            {
                OpenatTraffic.OpenForRead(prefix + i);
                if (i % 50 == 49)
                {
                    reader.Drain(sink);
                }
            }
        }

        reader.Drain(sink);
        Assert.Equal(Enumerable.Repeat(2L, 300), sink.Values);
        Assert.False(reader.HasPending);
    }

    [Fact]
    public void DrainStopsAfterTheLimitAndResumes()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        using var channel = BpfCaptureChannel.Create(1 << 16);
        var spec = new TracepointCaptureSpec(
            0, TracepointCaptureSpec.RecordSizeOf(format), [], Filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
        using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
        {
            string prefix = OpenatTraffic.NewPrefix();
            for (int i = 0; i < 5; i++)
            {
                OpenatTraffic.OpenForRead(prefix + i);
            }
        }

        var sink = new CollectingSink();
        Assert.Equal(2, channel.Reader.Drain(sink, maxRecords: 2));
        Assert.True(channel.Reader.HasPending);
        Assert.Equal(3, channel.Reader.Drain(sink));
        Assert.Equal(0, channel.Reader.Drain(sink));
    }

    [Fact]
    public void TwoProbesShareOneRingAndAreToldApartByIndex()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        using var channel = BpfCaptureChannel.Create(1 << 16);
        var onlyUs = BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId);
        var withName = TracepointCaptureSpec.ForFormat(format, 1, ["filename"], filter: onlyUs);
        var bare = TracepointCaptureSpec.ForFormat(format, 2, [], filter: onlyUs);
        string path = OpenatTraffic.NewPrefix() + "shared";
        using (TracepointCaptureProbe.Attach(channel, format.Id, withName))
        using (TracepointCaptureProbe.Attach(channel, format.Id, bare))
        {
            OpenatTraffic.OpenForRead(path);
        }

        var sink = new CollectingSink();
        channel.Reader.Drain(sink);
        Assert.Equal([1, 2], sink.Events.Select(e => e.ProbeIndex).Order());
        Assert.Equal(path, Assert.Single(sink.Events.Single(e => e.ProbeIndex == 1).Strings));
        Assert.Empty(sink.Events.Single(e => e.ProbeIndex == 2).Strings);
    }

    [Fact]
    public void DrainAndDecodeAllocateNothing()
    {
        if (BpfKernel.OpenatFormat(log) is not { } format)
        {
            return;
        }

        using var channel = BpfCaptureChannel.Create(1 << 20);
        var spec = TracepointCaptureSpec.ForFormat(
            format, 4, ["filename"], filter: BpfCaptureFilter.ThreadId(BpfComparison.Equal, ProcessIds.ThreadId));
        using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
        {
            string prefix = OpenatTraffic.NewPrefix();
            for (int i = 0; i < 100; i++)
            {
                OpenatTraffic.OpenForRead(prefix + i);
            }
        }

        var sink = new DecodingSink();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int drained = channel.Reader.Drain(sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((100, 100, 0L), (drained, sink.Strings, allocated));
    }

    /// <summary>Decodes every record the way a dispatch thread would, counting the strings.</summary>
    private sealed class DecodingSink : IBpfRecordSink
    {
        public int Strings { get; private set; }

        public void OnRecord(ReadOnlySpan<byte> record)
        {
            var capture = new TracepointCaptureRecord(record);
            if (capture.ProbeIndex == 4 && capture.TryGetString(0, out var text) && text.Length > 0)
            {
                Strings++;
            }
        }
    }

    private sealed class CollectingValues : IBpfRecordSink
    {
        public List<long> Values { get; } = [];

        public void OnRecord(ReadOnlySpan<byte> record) => Values.Add(BitConverter.ToInt64(record));
    }
}
