using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Emits the program on <c>syscalls:sys_exit_X</c> that completes the records the capture
/// program on <c>sys_enter_X</c> stashed because a user string was not readable yet: at entry
/// the string's page may not be mapped in the process (a path in a library's .rodata never
/// touched before), and bpf_probe_read_user_str cannot fault it in. By the exit the syscall
/// has copied the string itself, faulting the page in, so the read succeeds. The program looks
/// the thread up in the stash, copies the stashed record (entry time, cpu, comm, tracepoint
/// record, the strings read at entry) to the ring, re-reads the strings whose status was an
/// error, submits, and deletes the stash entry. A full ring counts the record lost.
/// </summary>
public static class SyscallExitCaptureProgram
{
    private const BpfRegister Stashed = BpfRegister.R8;
    private const BpfRegister Record = TracepointCaptureProgram.Record;
    private const short ThreadKeySlot = TracepointCaptureProgram.ThreadKeySlot;

    /// <summary>
    /// The program completing <paramref name="spec"/>'s records stashed in <paramref name="stashFd"/>
    /// (u32 thread id → a record of <see cref="TracepointCaptureLayout.TotalSize"/> bytes).
    /// </summary>
    public static BpfInstruction[] Emit(TracepointCaptureSpec spec, int ringBufferFd, int lostCounterFd, int stashFd)
    {
        var layout = TracepointCaptureLayout.For(spec);
        var asm = new BpfAssembler();
        var done = asm.DefineLabel();
        var remove = asm.DefineLabel();
        var found = asm.DefineLabel();
        asm.Call(BpfHelper.GetCurrentPidTgid)
            .Store(BpfSize.Word, BpfRegister.R10, ThreadKeySlot, BpfRegister.R0);
        EmitStashCall(asm, stashFd, BpfHelper.MapLookupElement)
            .JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, done)
            .Move(Stashed, BpfRegister.R0);

        asm.LoadMap(BpfRegister.R1, ringBufferFd)
            .Move(BpfRegister.R2, layout.TotalSize)
            .Move(BpfRegister.R3, 0)
            .Call(BpfHelper.RingBufferReserve)
            .JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R0, 0, found);
        TracepointCaptureProgram.EmitCountLost(asm, lostCounterFd, remove);

        asm.Mark(found).Move(Record, BpfRegister.R0);
        EmitCopy(asm, layout.TotalSize);
        EmitRereadFailedStrings(asm, layout, spec.UserStringOffsets, spec.MaxStringLength);

        asm.Move(BpfRegister.R1, Record)
            .Move(BpfRegister.R2, 0)
            .Call(BpfHelper.RingBufferSubmit);
        asm.Mark(remove);
        EmitStashCall(asm, stashFd, BpfHelper.MapDeleteElement);
        asm.Mark(done)
            .Move(BpfRegister.R0, TracepointCaptureProgram.LetPerfSample)
            .Exit();
        return asm.Build();
    }

    /// <summary>helper(stash, &amp;tid).</summary>
    private static BpfAssembler EmitStashCall(BpfAssembler asm, int stashFd, BpfHelper helper) =>
        asm.LoadMap(BpfRegister.R1, stashFd)
            .Move(BpfRegister.R2, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R2, ThreadKeySlot)
            .Call(helper);

    /// <summary>
    /// Reads again, from the stashed record's pointers, every string whose status is not a length
    /// (its page was not resident at entry; the syscall has faulted it in since).
    /// </summary>
    internal static void EmitRereadFailedStrings(BpfAssembler asm, TracepointCaptureLayout layout, IReadOnlyList<int> stringOffsets, int maxStringLength)
    {
        for (int i = 0; i < stringOffsets.Count; i++)
        {
            int slot = layout.StringSlotOffset(i);
            var read = asm.DefineLabel();

            // The status word is an i32: sign-extend it before comparing.
            asm.Load(BpfSize.Word, BpfRegister.R1, Record, (short)slot)
                .Alu64(BpfAluOperation.LeftShift, BpfRegister.R1, 32)
                .Alu64(BpfAluOperation.ArithmeticRightShift, BpfRegister.R1, 32)
                .JumpIf(BpfJumpCondition.SignedGreater, BpfRegister.R1, 0, read);
            TracepointCaptureProgram.EmitUserString(
                asm, Stashed, TracepointCaptureLayout.RecordOffset + stringOffsets[i], slot, maxStringLength);
            asm.Mark(read);
        }
    }

    /// <summary>Stashed value to ring, 8 bytes at a time (both are 8-aligned and the size is a multiple of 8).</summary>
    private static void EmitCopy(BpfAssembler asm, int size)
    {
        for (int offset = 0; offset < size; offset += 8)
        {
            asm.Load(BpfSize.DoubleWord, BpfRegister.R1, Stashed, (short)offset)
                .Store(BpfSize.DoubleWord, Record, (short)offset, BpfRegister.R1);
        }
    }
}
