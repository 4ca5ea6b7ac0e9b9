using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>The grouped raw_syscalls programs, as instructions (no root needed).</summary>
public sealed class SyscallGroupProgramTests
{
    private const int MapFd = 5;
    private const int RingFd = 3;
    private const int LostFd = 4;
    private const int StashFd = 9;
    private const string MapUpdateCall = "85 00 00 00 02 00 00 00";
    private const string SubmitCall = "85 00 00 00 84 00 00 00";

    private static readonly SyscallGroupPlan Plan = SyscallGroupPlan.Create(
        isEntry: true,
        443,
        442,
        [new(110, new TracepointCaptureSpec(0, 12, [])), new(257, new TracepointCaptureSpec(1, 48, [24]))]);

    // openat's shape (2) is the one with a string: it has the stash.
    private static List<string> Entry(int? stash) =>
        SyscallGroupProgram.Emit(Plan, MapFd, RingFd, LostFd, stash is { } fd ? new Dictionary<int, int> { [2] = fd } : null)
            .Select(i => i.ToString()).ToList();

    [Fact]
    public void UnprobedSyscallReturnsAfterOneArrayLookup()
    {
        var program = Entry(StashFd);
        Assert.Equal(
            [
                "bf 16 00 00 00 00 00 00", // r6 = ctx
                "61 61 08 00 00 00 00 00", // r1 = (u32) id
                "63 1a d8 ff 00 00 00 00", // *(u32 *)(r10 - 40) = r1
                "18 11 00 00 05 00 00 00", // r1 = the array
                "00 00 00 00 00 00 00 00",
                "bf a2 00 00 00 00 00 00",
                "07 02 00 00 d8 ff ff ff",
                "85 00 00 00 01 00 00 00", // bpf_map_lookup_elem
            ],
            program[..8]);
        Assert.StartsWith("15 00 ", program[8]); // out of range: done
        Assert.Equal("bf 09 00 00 00 00 00 00", program[9]); // r9 = the value
        Assert.Equal("61 91 04 00 00 00 00 00", program[10]); // r1 = its shape
        Assert.StartsWith("15 01 ", program[11]); // 0, not probed: done
    }

    [Fact]
    public void EachShapeReservesItsOwnSizeAndNamesItsProbe()
    {
        var program = Entry(StashFd);
        TestInstructions.AssertContainsRun(program, "b7 02 00 00 48 00 00 00", "b7 03 00 00 00 00 00 00", "85 00 00 00 83 00 00 00"); // getppid: 72
        TestInstructions.AssertContainsRun(program, "b7 02 00 00 70 01 00 00", "b7 03 00 00 00 00 00 00", "85 00 00 00 83 00 00 00"); // openat: 368
        TestInstructions.AssertContainsRun(program, "61 91 00 00 00 00 00 00", "63 17 00 00 00 00 00 00"); // probe index from the map
        Assert.Equal(2, program.Count(i => i == "61 91 00 00 00 00 00 00"));
    }

    [Fact]
    public void EachShapeWritesItsOwnSizesAndCopiesItsArguments()
    {
        var program = Entry(StashFd);

        // getppid: 12-byte record, no strings; the number and 4 zero bytes, nothing else.
        Assert.StartsWith("55 01 ", program[12]); // shape != 1: next
        Assert.EndsWith(" 01 00 00 00", program[12]);
        TestInstructions.AssertContainsRun(
            program,
            "62 07 28 00 0c 00 0c 00", // record capacity and length 12
            "6a 07 2c 00 00 00 00 00", // no strings
            "6a 07 2e 00 00 01 00 00", // capacity 256
            "7a 07 38 00 00 00 00 00", // the common fields: zero
            "61 61 08 00 00 00 00 00", // __syscall_nr
            "63 17 40 00 00 00 00 00",
            "62 07 44 00 00 00 00 00",
            "05 00"); // done with the shape

        // openat: 48 bytes, the four arguments, the filename string read from argument 1.
        Assert.Contains(program, i => i.StartsWith("55 01 ", StringComparison.Ordinal) && i.EndsWith(" 02 00 00 00", StringComparison.Ordinal));
        TestInstructions.AssertContainsRun(
            program,
            "62 07 28 00 30 00 30 00",
            "6a 07 2c 00 01 00 00 00",
            "6a 07 2e 00 00 01 00 00",
            "7a 07 38 00 00 00 00 00",
            "61 61 08 00 00 00 00 00",
            "63 17 40 00 00 00 00 00",
            "62 07 44 00 00 00 00 00",
            "79 61 10 00 00 00 00 00",
            "7b 17 48 00 00 00 00 00",
            "79 61 18 00 00 00 00 00",
            "7b 17 50 00 00 00 00 00",
            "79 61 20 00 00 00 00 00",
            "7b 17 58 00 00 00 00 00",
            "79 61 28 00 00 00 00 00",
            "7b 17 60 00 00 00 00 00",
            "b7 08 00 00 00 00 00 00", // r8 = no string failed yet
            "bf 71 00 00 00 00 00 00", // r1 = record + 104 + 8: the string's bytes
            "07 01 00 00 70 00 00 00",
            "b7 02 00 00 00 01 00 00",
            "79 63 18 00 00 00 00 00", // r3 = the filename pointer
            "85 00 00 00 72 00 00 00"); // bpf_probe_read_user_str
    }

    [Fact]
    public void StashOnlyWithAStashMap()
    {
        Assert.DoesNotContain(MapUpdateCall, Entry(null));
        Assert.Contains(MapUpdateCall, Entry(StashFd));
        Assert.Equal(1, Entry(StashFd).Count(i => i == SubmitCall));
    }

    [Fact]
    public void CompletionLooksOnlyInTheStashOfTheExitingSyscallsShape()
    {
        var program = SyscallGroupCompletionProgram.Emit(Plan, MapFd, RingFd, LostFd, new Dictionary<int, int> { [2] = StashFd })
            .Select(i => i.ToString()).ToList();
        Assert.Equal(
            [
                "61 11 08 00 00 00 00 00", // r1 = (u32) id of the exit
                "63 1a d8 ff 00 00 00 00",
                "18 11 00 00 05 00 00 00",
                "00 00 00 00 00 00 00 00",
                "bf a2 00 00 00 00 00 00",
                "07 02 00 00 d8 ff ff ff",
                "85 00 00 00 01 00 00 00",
            ],
            program[..7]);
        Assert.StartsWith("15 00 ", program[7]); // not probed: done
        Assert.Equal("61 01 04 00 00 00 00 00", program[8]); // its shape
        Assert.StartsWith("55 01 ", program[9]); // only openat's shape (2) has a stash
        Assert.EndsWith(" 02 00 00 00", program[9]);
        TestInstructions.AssertContainsRun(
            program,
            "85 00 00 00 0e 00 00 00", // the thread id is the stash key
            "63 0a e0 ff 00 00 00 00",
            "18 11 00 00 09 00 00 00",
            "00 00 00 00 00 00 00 00",
            "bf a2 00 00 00 00 00 00",
            "07 02 00 00 e0 ff ff ff",
            "85 00 00 00 01 00 00 00");
        TestInstructions.AssertContainsRun(program, "b7 02 00 00 70 01 00 00", "b7 03 00 00 00 00 00 00", "85 00 00 00 83 00 00 00"); // openat's 368 bytes
        TestInstructions.AssertContainsRun(program, "61 71 68 00 00 00 00 00", "67 01 00 00 20 00 00 00"); // its status word, sign-extended
        Assert.Equal(1, program.Count(i => i == SubmitCall));
        Assert.Equal(1, program.Count(i => i == "85 00 00 00 03 00 00 00")); // bpf_map_delete_elem
    }
}
