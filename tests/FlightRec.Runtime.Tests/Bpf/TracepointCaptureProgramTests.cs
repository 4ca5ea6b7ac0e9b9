using System.Collections.Immutable;
using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>The capture program's instructions, without loading them (no root needed).</summary>
public sealed class TracepointCaptureProgramTests
{
    private const int RingFd = 3;
    private const int LostFd = 4;

    private static List<string> Emit(TracepointCaptureSpec spec) =>
        TracepointCaptureProgram.Emit(spec, RingFd, LostFd).Select(i => i.ToString()).ToList();

    private static void AssertContainsRun(List<string> program, params string[] run)
    {
        for (int start = 0; start + run.Length <= program.Count; start++)
        {
            if (program.Skip(start).Take(run.Length).SequenceEqual(run))
            {
                return;
            }
        }

        Assert.Fail($"instructions not found in order:\n{string.Join("\n", run)}\nprogram:\n{string.Join("\n", program)}");
    }

    [Fact]
    public void StartsBySavingTheContextAndEndsReturningOneSoPerfStillSamples()
    {
        var program = Emit(new TracepointCaptureSpec(0, 16, []));
        Assert.Equal("bf 16 00 00 00 00 00 00", program[0]);
        Assert.Equal(["b7 00 00 00 01 00 00 00", "95 00 00 00 00 00 00 00"], program[^2..]);
    }

    [Fact]
    public void ReservesTheLayoutSizeFromTheRingMap()
    {
        // 56 header + 24 record (20 padded) + 8 + 64 for one 64-byte string = 152 = 0x98.
        var spec = new TracepointCaptureSpec(0, 20, [8], MaxStringLength: 64);
        Assert.Equal(152, TracepointCaptureLayout.For(spec).TotalSize);
        AssertContainsRun(
            Emit(spec),
            "18 11 00 00 03 00 00 00",
            "00 00 00 00 00 00 00 00",
            "b7 02 00 00 98 00 00 00",
            "b7 03 00 00 00 00 00 00",
            "85 00 00 00 83 00 00 00");
    }

    [Fact]
    public void CopiesTheRecordWithAlignedLoadsAfterZeroingItsPrefix()
    {
        AssertContainsRun(
            Emit(new TracepointCaptureSpec(0, 22, [])),
            "7a 07 38 00 00 00 00 00", // *(u64 *)(r7 + 56) = 0
            "79 61 08 00 00 00 00 00", // r1 = *(u64 *)(r6 + 8)
            "7b 17 40 00 00 00 00 00", // *(u64 *)(r7 + 64) = r1
            "61 61 10 00 00 00 00 00", // r1 = *(u32 *)(r6 + 16)
            "63 17 48 00 00 00 00 00", // *(u32 *)(r7 + 72) = r1
            "69 61 14 00 00 00 00 00", // r1 = *(u16 *)(r6 + 20)
            "6b 17 4c 00 00 00 00 00", // *(u16 *)(r7 + 76) = r1
            "72 07 4e 00 00 00 00 00", // *(u8 *)(r7 + 78) = 0
            "72 07 4f 00 00 00 00 00"); // *(u8 *)(r7 + 79) = 0
    }

    [Fact]
    public void ReadsEachUserStringIntoItsSlotAndStoresTheResult()
    {
        // Slot 0 at 56 + 24 = 80: bytes at 88, capacity 256.
        AssertContainsRun(
            Emit(new TracepointCaptureSpec(0, 24, [16])),
            "bf 71 00 00 00 00 00 00",
            "07 01 00 00 58 00 00 00",
            "b7 02 00 00 00 01 00 00",
            "79 63 10 00 00 00 00 00",
            "85 00 00 00 72 00 00 00",
            "63 07 50 00 00 00 00 00",
            "62 07 54 00 00 00 00 00");
    }

    [Fact]
    public void FullRingAddsOneToTheLostCounter()
    {
        // The null check's jump distance is another test's business; blank it out here.
        var program = Emit(new TracepointCaptureSpec(0, 16, []))
            .Select(i => i.StartsWith("15 00 ", StringComparison.Ordinal) ? "jeq r0, 0, done" : i)
            .ToList();
        AssertContainsRun(
            program,
            "62 0a e8 ff 00 00 00 00", // *(u32 *)(r10 - 24) = 0, the key
            "18 11 00 00 04 00 00 00", // r1 = the lost counter map
            "00 00 00 00 00 00 00 00",
            "bf a2 00 00 00 00 00 00", // r2 = r10 - 24
            "07 02 00 00 e8 ff ff ff",
            "85 00 00 00 01 00 00 00", // bpf_map_lookup_elem
            "jeq r0, 0, done",
            "b7 01 00 00 01 00 00 00",
            "db 10 00 00 00 00 00 00"); // lock *(u64 *)(r0 + 0) += r1
    }

    [Fact]
    public void PidFilterComparesTheThreadGroupIdAndJumpsToTheEnd()
    {
        var program = Emit(new TracepointCaptureSpec(0, 16, [], Filter: BpfCaptureFilter.ProcessId(BpfComparison.Equal, 1234)));
        int exitLabel = program.Count - 2;
        int jump = 3;
        Assert.Equal(
            ["85 00 00 00 0e 00 00 00", "77 00 00 00 20 00 00 00", $"55 00 {exitLabel - jump - 1:x2} 00 d2 04 00 00"],
            program[1..4]);
    }

    [Fact]
    public void CommFilterComparesTwoWordsOfTheName()
    {
        AssertContainsRun(
            Emit(new TracepointCaptureSpec(0, 16, [], Filter: BpfCaptureFilter.CommName(BpfComparison.Equal, "cat"))),
            "bf a1 00 00 00 00 00 00",
            "07 01 00 00 f0 ff ff ff",
            "b7 02 00 00 10 00 00 00",
            "85 00 00 00 10 00 00 00",
            "79 a1 f0 ff 00 00 00 00",
            "18 02 00 00 63 61 74 00",
            "00 00 00 00 00 00 00 00",
            "79 a3 f8 ff 00 00 00 00",
            "18 04 00 00 00 00 00 00",
            "00 00 00 00 00 00 00 00");
    }

    [Fact]
    public void SignedNarrowFieldIsSignExtendedAndComparedSigned()
    {
        var filter = BpfCaptureFilter.IntegerField(8, 4, isSigned: true, BpfComparison.Less, -5);
        var program = Emit(new TracepointCaptureSpec(0, 16, [], Filter: filter));
        Assert.Equal(["61 61 08 00 00 00 00 00", "67 01 00 00 20 00 00 00", "c7 01 00 00 20 00 00 00"], program[1..4]);
        Assert.StartsWith("75 01 ", program[4]); // jsge r1, -5: reject when not less
        Assert.EndsWith("fb ff ff ff", program[4]);
    }

    [Fact]
    public void WideConstantGoesThroughARegister()
    {
        var filter = BpfCaptureFilter.IntegerField(16, 8, isSigned: false, BpfComparison.GreaterOrEqual, 0x100000000);
        var program = Emit(new TracepointCaptureSpec(0, 24, [], Filter: filter));
        Assert.Equal(["79 61 10 00 00 00 00 00", "18 02 00 00 00 00 00 00", "00 00 00 00 01 00 00 00"], program[1..4]);
        Assert.StartsWith("ad 21 ", program[4]); // jlt r1, r2
    }

    [Fact]
    public void StringPointerInTheUnreadablePrefixIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Emit(new TracepointCaptureSpec(0, 16, [0])));
        Assert.Equal(
            "a user string pointer must be an aligned 8-byte field at offset 8 or more inside the 16-byte record; 0 is not",
            error.Message);
    }

    [Fact]
    public void RecordTooLargeForSixteenBitOffsetsIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Emit(new TracepointCaptureSpec(0, 16, [8, 8, 8, 8, 8, 8, 8, 8], 4096)));
        Assert.Equal(
            "a capture record of 32904 bytes is too large (at most 32767): fewer or shorter strings, or a smaller record",
            error.Message);
    }
}
