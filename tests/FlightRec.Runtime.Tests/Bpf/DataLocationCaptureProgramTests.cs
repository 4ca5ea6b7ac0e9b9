using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Tracepoints;
using FlightRec.Runtime.Tests.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>Capturing a record's <c>__data_loc</c> data: the spec, the layout and the emitted copy, without loading.</summary>
public sealed class DataLocationCaptureProgramTests
{
    private static readonly TracepointFormat ProcessExec =
        TracepointFormatParser.Parse(FormatTexts.ProcessExec, "format", "sched", "sched_process_exec");

    private static List<string> Emit(TracepointCaptureSpec spec) =>
        TracepointCaptureProgram.Emit(spec, 3, 4).Select(i => i.ToString()).ToList();

    [Fact]
    public void EveryDataLocationOfTheFormatIsCapturedUpToTheDynamicCapacity()
    {
        var spec = TracepointCaptureSpec.ForFormat(ProcessExec, 0, []);

        Assert.Equal([new TracepointDataLocation(8, false), new(20, true), new(24, false)], spec.DataLocations.ToArray());
        Assert.Equal(28 + TracepointCaptureSpec.DefaultDynamicCapacity, spec.RecordCapacity);
        Assert.Equal(56 + 1056, TracepointCaptureLayout.For(spec).TotalSize); // 1052 padded to 8
    }

    [Fact]
    public void CapacityNeverExceedsTheKernelsTraceBuffer()
    {
        var spec = TracepointCaptureSpec.ForFormat(ProcessExec, 0, []) with { DynamicCapacity = 4096 };
        Assert.Equal(TracepointCaptureSpec.MaxTraceSize, spec.RecordCapacity);
    }

    [Fact]
    public void WithoutDataLocationsOnlyTheFixedPartIsKeptAndItsLengthIsTheCapacity()
    {
        var spec = new TracepointCaptureSpec(0, 20, []) { DynamicCapacity = 100 };
        Assert.Equal(20, spec.RecordCapacity);
        Assert.Contains("62 07 28 00 14 00 14 00", Emit(spec)); // *(u32 *)(r7 + 40) = 20 | 20 << 16
    }

    [Fact]
    public void TheCopyEndsWhereTheFurthestDataEndsCappedAndRecordsItsLength()
    {
        var spec = new TracepointCaptureSpec(0, 20, []) { DataLocations = [new(8, false), new(16, true)], DynamicCapacity = 100 };
        var program = Emit(spec);
        string[] expected =
        [
            "62 07 28 00 78 00 00 00", // capacity 120, length written after the copy
            "b7 09 00 00 14 00 00 00", // r9 = 20: at least the fixed part
            "61 61 08 00 00 00 00 00", // r1 = *(u32 *)(r6 + 8): the first __data_loc word
            "bf 12 00 00 00 00 00 00",
            "57 02 00 00 ff ff 00 00", // r2 = its offset
            "77 01 00 00 10 00 00 00", // r1 = its length
            "0f 21 00 00 00 00 00 00", // r1 = where its data ends
            "bd 91 01 00 00 00 00 00", // if r1 <= r9: not further
            "bf 19 00 00 00 00 00 00", // r9 = r1
            "61 61 10 00 00 00 00 00", // the __rel_loc word at 16
            "bf 12 00 00 00 00 00 00",
            "57 02 00 00 ff ff 00 00",
            "77 01 00 00 10 00 00 00",
            "0f 21 00 00 00 00 00 00",
            "07 01 00 00 14 00 00 00", // relative to the end of the word: + 20
            "bd 91 01 00 00 00 00 00",
            "bf 19 00 00 00 00 00 00",
            "b5 09 01 00 78 00 00 00", // if r9 <= 120: it fits
            "b7 09 00 00 78 00 00 00", // else r9 = 120: cut at the capacity
            "bf 71 00 00 00 00 00 00",
            "07 01 00 00 38 00 00 00", // r1 = the record in the ring
            "bf 92 00 00 00 00 00 00", // r2 = r9 bytes
            "bf 63 00 00 00 00 00 00", // r3 = the context
            "85 00 00 00 71 00 00 00", // bpf_probe_read_kernel
            "7a 07 38 00 00 00 00 00", // *(u64 *)(r7 + 56) = 0: the pt_regs pointer is not the record's
            "6b 97 2a 00 00 00 00 00", // *(u16 *)(r7 + 42) = r9: the length copied
        ];
        int start = program.IndexOf(expected[0]);
        Assert.True(start >= 0, string.Join("\n", program));
        int copy = program.IndexOf(expected[1]);
        Assert.Equal(expected[1..], program.Skip(copy).Take(expected.Length - 1));
    }

    [Fact]
    public void AMisalignedDataLocationIsRefused()
    {
        var spec = new TracepointCaptureSpec(0, 20, []) { DataLocations = [new(10, false)] };
        var error = Assert.Throws<ArgumentException>(() => Emit(spec));
        Assert.Equal("a __data_loc word must be an aligned 4-byte field at offset 8 or more inside the 20-byte record; 10 is not", error.Message);
    }
}
