using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>The stash at sys_enter and its completion at sys_exit, as instructions (no root needed).</summary>
public sealed class DeferredCaptureProgramTests
{
    private const int RingFd = 3;
    private const int LostFd = 4;
    private const int StashFd = 9;
    private const string MapUpdateCall = "85 00 00 00 02 00 00 00";
    private const string RingDiscardCall = "85 00 00 00 85 00 00 00";

    // 24-byte record, one 256-byte string at offset 16: 48 + 24 + 8 + 256 = 336 bytes.
    private static readonly TracepointCaptureSpec Spec = new(0, 24, [16]);

    private static List<string> Entry(int? stash) =>
        TracepointCaptureProgram.Emit(Spec, RingFd, LostFd, stash).Select(i => i.ToString()).ToList();

    private static List<string> Exit() =>
        SyscallExitCaptureProgram.Emit(Spec, RingFd, LostFd, StashFd).Select(i => i.ToString()).ToList();

    private static string[] StashCall(int flags, int helper) =>
    [
        "18 11 00 00 09 00 00 00", // r1 = the stash map
        "00 00 00 00 00 00 00 00",
        "bf a2 00 00 00 00 00 00", // r2 = r10 - 32, the thread id
        "07 02 00 00 e0 ff ff ff",
        "bf 73 00 00 00 00 00 00", // r3 = the record in the ring
        $"b7 04 00 00 {flags:x2} 00 00 00",
        $"85 00 00 00 {helper:x2} 00 00 00",
    ];

    [Fact]
    public void WithoutAStashNothingIsDeferred()
    {
        var program = Entry(null);
        Assert.DoesNotContain(MapUpdateCall, program);
        Assert.DoesNotContain(RingDiscardCall, program);
    }

    [Fact]
    public void FailedStringMovesTheRecordToTheStashUnderTheThreadId()
    {
        var program = Entry(StashFd);
        TestInstructions.AssertContainsRun(
            program,
            "85 00 00 00 72 00 00 00", // bpf_probe_read_user_str
            "63 07 50 00 00 00 00 00", // its status into the slot
            "62 07 54 00 00 00 00 00",
            "75 00 01 00 00 00 00 00", // if r0 s>= 0 skip
            "b7 08 00 00 01 00 00 00", // r8 = failed
            "15 08");
        TestInstructions.AssertContainsRun(
            program,
            "61 71 0c 00 00 00 00 00", // r1 = the record's tid
            "63 1a e0 ff 00 00 00 00"); // *(u32 *)(r10 - 32) = r1
        TestInstructions.AssertContainsRun(program, StashCall(flags: 1, helper: 2)); // BPF_NOEXIST first
        TestInstructions.AssertContainsRun(program, StashCall(flags: 0, helper: 2)); // then over a stale entry
        Assert.Contains(program, i => i.StartsWith("55 08 ", StringComparison.Ordinal) && i.EndsWith("ef ff ff ff", StringComparison.Ordinal)); // r8 != -EEXIST
        TestInstructions.AssertContainsRun(program, "bf 71 00 00 00 00 00 00", "b7 02 00 00 00 00 00 00", RingDiscardCall);
        Assert.Equal(1, program.Count(i => i == "85 00 00 00 84 00 00 00")); // one submit, for records complete at entry
    }

    [Fact]
    public void ExitLooksUpTheThreadAndEndsByDeletingItsEntry()
    {
        var program = Exit();
        Assert.Equal(
            [
                "85 00 00 00 0e 00 00 00", // bpf_get_current_pid_tgid
                "63 0a e0 ff 00 00 00 00", // *(u32 *)(r10 - 32) = r0: the key is the low half, the tid
                "18 11 00 00 09 00 00 00",
                "00 00 00 00 00 00 00 00",
                "bf a2 00 00 00 00 00 00",
                "07 02 00 00 e0 ff ff ff",
                "85 00 00 00 01 00 00 00", // bpf_map_lookup_elem
            ],
            program[..7]);
        Assert.StartsWith("15 00 ", program[7]); // not stashed: done
        Assert.Equal("bf 08 00 00 00 00 00 00", program[8]); // r8 = the stashed record
        Assert.Equal("85 00 00 00 03 00 00 00", program[^3]); // bpf_map_delete_elem
        Assert.Equal(["b7 00 00 00 01 00 00 00", "95 00 00 00 00 00 00 00"], program[^2..]); // return 1: perf users still sample
    }

    [Fact]
    public void ExitCopiesTheWholeStashedRecordThenRereadsFailedStrings()
    {
        var program = Exit();
        int copies = Enumerable.Range(0, 344 / 8).Count(
            k => program.Contains($"79 81 {k * 8 % 256:x2} {k * 8 / 256:x2} 00 00 00 00") && program.Contains($"7b 17 {k * 8 % 256:x2} {k * 8 / 256:x2} 00 00 00 00"));
        Assert.Equal(43, copies);
        TestInstructions.AssertContainsRun(
            program,
            "61 71 50 00 00 00 00 00", // r1 = the status at 80
            "67 01 00 00 20 00 00 00", // sign-extended
            "c7 01 00 00 20 00 00 00",
            "65 01 07 00 00 00 00 00", // if r1 s> 0 skip the re-read
            "bf 71 00 00 00 00 00 00",
            "07 01 00 00 58 00 00 00",
            "b7 02 00 00 00 01 00 00",
            "79 83 48 00 00 00 00 00", // r3 = the pointer in the stashed record: 56 + 16
            "85 00 00 00 72 00 00 00",
            "63 07 50 00 00 00 00 00",
            "62 07 54 00 00 00 00 00",
            "bf 71 00 00 00 00 00 00",
            "b7 02 00 00 00 00 00 00",
            "85 00 00 00 84 00 00 00"); // submit
    }
}
