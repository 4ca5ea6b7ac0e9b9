using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Tests.Perf;

/// <summary>The ring walk and record decoding over hand-built rings: no kernel, no root.</summary>
public sealed class PerfCpuRingDecodeTests
{
    private static readonly PerfEventIdMap Ids = new([new(500, 0), new(501, 1), new(777, 2)]);

    [Fact]
    public void ASampleIsDecodedFieldByFieldWithTheRawDataPaddedAsTheKernelPadsIt()
    {
        using var ring = new FakePerfRing(4096, Ids);
        ring.Write(PerfRecordBuilder.Sample(501, pid: 1234, tid: 1240, time: 987_654_321, cpu: 3, period: 7, raw: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
        var sink = new RecordingSink();

        Assert.Equal(1, ring.Ring.Drain(sink));

        var sample = Assert.Single(sink.Samples);
        Assert.Equal(new RecordedSample(501, 1, 1234, 1240, 987_654_321, 3, 7, sample.Raw), sample);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0 }, sample.Raw);
        Assert.Equal(ring.Head, ring.Tail);
        Assert.Equal(1UL, ring.Ring.Samples);
    }

    [Fact]
    public void AnIdThatIsNotOursHasEventIndexMinusOne()
    {
        using var ring = new FakePerfRing(4096, Ids);
        ring.Write(PerfRecordBuilder.Sample(777, 1, 1, 1, 0, 1, []), PerfRecordBuilder.Sample(9, 1, 1, 1, 0, 1, []));
        var sink = new RecordingSink();

        ring.Ring.Drain(sink);

        Assert.Equal([2, -1], sink.Samples.Select(s => s.EventIndex));
        Assert.Equal(new byte[4], sink.Samples[0].Raw); // u32 size + 4 bytes: the kernel's empty raw record
    }

    [Fact]
    public void LostRecordsReachTheSinkAndTheRingCountsThem()
    {
        using var ring = new FakePerfRing(4096, Ids);
        ring.Write(PerfRecordBuilder.Lost(500, 17), PerfRecordBuilder.Sample(500, 1, 1, 5, 0, 1, []), PerfRecordBuilder.Lost(501, 3));
        var sink = new RecordingSink();

        Assert.Equal(3, ring.Ring.Drain(sink));

        Assert.Equal([(500UL, 17UL), (501UL, 3UL)], sink.LostNotices);
        Assert.Single(sink.Samples);
        Assert.Equal(20UL, ring.Ring.LostRecords);
    }

    [Fact]
    public void ARecordWrappingPastTheEndOfTheDataAreaIsReassembled()
    {
        // 256-byte data area; the stream starts at 200, so the first 64-byte sample has 56 bytes
        // at the end of the area and 8 at its start, and the next record follows at offset 8.
        using var ring = new FakePerfRing(256, Ids, startPosition: 200);
        byte[] raw = [.. Enumerable.Range(1, 12).Select(i => (byte)i)];
        ring.Write(PerfRecordBuilder.Sample(500, 42, 43, 1_000, 1, 2, raw), PerfRecordBuilder.Sample(501, 42, 44, 1_001, 1, 2, raw));
        var sink = new RecordingSink();

        Assert.Equal(2, ring.Ring.Drain(sink));

        Assert.Equal(
            [new RecordedSample(500, 0, 42, 43, 1_000, 1, 2, raw), new RecordedSample(501, 1, 42, 44, 1_001, 1, 2, raw)],
            sink.Samples.Select(s => s with { Raw = raw }));
        Assert.All(sink.Samples, s => Assert.Equal(raw, s.Raw));
        Assert.Equal(328UL, ring.Tail);
    }

    [Fact]
    public void AWrapWhoseTailSplitsTheRawDataIsReassembled()
    {
        using var ring = new FakePerfRing(256, Ids, startPosition: 256 - 56);
        byte[] raw = [.. Enumerable.Range(100, 60).Select(i => (byte)i)];
        ring.Write(PerfRecordBuilder.Sample(500, 1, 2, 3, 0, 4, raw));
        var sink = new RecordingSink();

        ring.Ring.Drain(sink);

        Assert.Equal(raw, Assert.Single(sink.Samples).Raw);
    }

    [Fact]
    public void OtherRecordTypesAreSkippedAndMalformedSamplesAreNotDelivered()
    {
        using var ring = new FakePerfRing(4096, Ids);
        byte[] tooLongRaw = PerfRecordBuilder.Sample(500, 1, 1, 1, 0, 1, [1, 2, 3, 4]);
        tooLongRaw[48] = 200; // raw size past the end of the record
        ring.Write(PerfRecordBuilder.Other(PerfRecordType.Throttle, 32), tooLongRaw, PerfRecordBuilder.Sample(501, 1, 1, 1, 0, 1, []));
        var sink = new RecordingSink();

        Assert.Equal(3, ring.Ring.Drain(sink));

        Assert.Equal(501UL, Assert.Single(sink.Samples).Id);
        Assert.Equal(2UL, ring.Ring.SkippedRecords);
    }

    [Fact]
    public void AHeaderWithAnImpossibleSizeDropsTheRestOfTheRing()
    {
        using var ring = new FakePerfRing(4096, Ids);
        ring.Write(PerfRecordBuilder.Sample(500, 1, 1, 1, 0, 1, []), new byte[16], PerfRecordBuilder.Sample(501, 1, 1, 1, 0, 1, []));
        var sink = new RecordingSink();

        ring.Ring.Drain(sink);

        Assert.Single(sink.Samples);
        Assert.Equal(ring.Head, ring.Tail);
        Assert.Equal(1UL, ring.Ring.SkippedRecords);
    }

    [Fact]
    public void ADrainConsumesOnlyWhatWasThereWhenItStartedAndTheNextPicksUpTheRest()
    {
        using var ring = new FakePerfRing(4096, Ids);
        var sink = new RecordingSink();
        Assert.Equal(0, ring.Ring.Drain(sink));

        ring.Write(PerfRecordBuilder.Sample(500, 1, 1, 1, 0, 1, []));
        Assert.Equal(56UL, ring.Ring.PendingBytes);
        Assert.Equal(1, ring.Ring.Drain(sink));
        ring.Write(PerfRecordBuilder.Sample(501, 1, 1, 2, 0, 1, []));
        Assert.Equal(1, ring.Ring.Drain(sink));

        Assert.Equal([500UL, 501UL], sink.Samples.Select(s => s.Id));
        Assert.Equal(0UL, ring.Ring.PendingBytes);
    }

    [Fact]
    public void DrainingAllocatesNothingEvenAcrossTheWrap()
    {
        using var ring = new FakePerfRing(4096, Ids, startPosition: 4096 - 1000);
        var records = Enumerable.Range(0, 50).Select(i => PerfRecordBuilder.Sample(500, 1, 1, i, 0, 1, new byte[12])).ToArray();
        var sink = new CountingSink();
        ring.Write(records);
        ring.Ring.Drain(sink); // first call JIT-compiles the generic path
        ring.Write(records);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int drained = ring.Ring.Drain(sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(50, drained);
        Assert.Equal(0, allocated);
        Assert.Equal(100, sink.Samples);
    }

    [Fact]
    public void TheAttributeStructIsTheKernelsVersion8Layout()
    {
        Assert.Equal(136, System.Runtime.CompilerServices.Unsafe.SizeOf<PerfEventAttr>());
        Assert.Equal(92, (int)System.Runtime.InteropServices.Marshal.OffsetOf<PerfEventAttr>(nameof(PerfEventAttr.ClockId)));
        Assert.Equal(128, (int)System.Runtime.InteropServices.Marshal.OffsetOf<PerfEventAttr>(nameof(PerfEventAttr.Config3)));
    }

    [Theory]
    [InlineData("0-1\n", new[] { 0, 1 })]
    [InlineData("0\n", new[] { 0 })]
    [InlineData("0-3,6,8-9\n", new[] { 0, 1, 2, 3, 6, 8, 9 })]
    public void OnlineCpuListsAreExpanded(string list, int[] cpus)
    {
        Assert.Equal(cpus, PerfOnlineCpus.Parse(list));
    }

    private sealed class CountingSink : IPerfSampleSink
    {
        public int Samples { get; private set; }

        public void OnSample(in PerfSample sample) => Samples++;

        public void OnLost(ulong id, ulong lost)
        {
        }
    }
}
