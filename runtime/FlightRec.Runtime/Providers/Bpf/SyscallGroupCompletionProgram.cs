using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Emits the program on raw_syscalls:sys_exit that completes the records a grouped entry program
/// (<see cref="SyscallGroupProgram"/>) stashed because a user string page was not resident at
/// entry, as <see cref="SyscallExitCaptureProgram"/> does for one syscall. The exit reports the
/// entry's syscall number, so the array gives the shape, hence the stash to look in (one per shape
/// with strings) and the strings to read again; a syscall whose shape has none costs one array
/// lookup. A thread is in one syscall at a time, so its stash entry, if any, is that syscall's:
/// the program copies it to the ring, re-reads the strings whose status was an error, submits and
/// deletes the entry.
/// </summary>
public static class SyscallGroupCompletionProgram
{
    private const BpfRegister Stashed = BpfRegister.R8;
    private const BpfRegister Record = TracepointCaptureProgram.Record;
    private const short ThreadKeySlot = TracepointCaptureProgram.ThreadKeySlot;

    /// <summary>
    /// The program completing <paramref name="plan"/>'s records stashed in <paramref name="stashFds"/>
    /// (shape id → a hash from u32 thread id to a record of that shape's size), with the plan's
    /// array <paramref name="mapFd"/> giving each syscall's shape.
    /// </summary>
    public static BpfInstruction[] Emit(SyscallGroupPlan plan, int mapFd, int ringBufferFd, int lostCounterFd, IReadOnlyDictionary<int, int> stashFds)
    {
        var asm = new BpfAssembler();
        var done = asm.DefineLabel();
        asm.Load(BpfSize.Word, BpfRegister.R1, BpfRegister.R1, SyscallGroupPlan.NumberOffset);
        SyscallGroupProgram.EmitProbeLookup(asm, mapFd, done);
        asm.Load(BpfSize.Word, BpfRegister.R1, BpfRegister.R0, SyscallGroupPlan.ValueShapeOffset);
        foreach (var (id, stashFd) in stashFds.OrderBy(p => p.Key))
        {
            var next = asm.DefineLabel();
            asm.JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R1, id, next);
            EmitCompletion(asm, plan, plan.Shapes[id - 1], ringBufferFd, lostCounterFd, stashFd);
            asm.Jump(done).Mark(next);
        }

        asm.Mark(done)
            .Move(BpfRegister.R0, TracepointCaptureProgram.LetPerfSample)
            .Exit();
        return asm.Build();
    }

    /// <summary>Look the thread up in the shape's stash; if there, copy, re-read, submit, delete.</summary>
    private static void EmitCompletion(BpfAssembler asm, SyscallGroupPlan plan, SyscallGroupShape shape, int ringBufferFd, int lostCounterFd, int stashFd)
    {
        var layout = plan.LayoutOf(shape);
        var absent = asm.DefineLabel();
        var remove = asm.DefineLabel();
        var reserved = asm.DefineLabel();
        asm.Call(BpfHelper.GetCurrentPidTgid)
            .Store(BpfSize.Word, BpfRegister.R10, ThreadKeySlot, BpfRegister.R0);
        EmitStashCall(asm, stashFd, BpfHelper.MapLookupElement)
            .JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, absent)
            .Move(Stashed, BpfRegister.R0);

        asm.LoadMap(BpfRegister.R1, ringBufferFd)
            .Move(BpfRegister.R2, layout.TotalSize)
            .Move(BpfRegister.R3, 0)
            .Call(BpfHelper.RingBufferReserve)
            .JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R0, 0, reserved);
        TracepointCaptureProgram.EmitCountLost(asm, lostCounterFd, remove);

        asm.Mark(reserved).Move(Record, BpfRegister.R0);
        for (int offset = 0; offset < layout.TotalSize; offset += 8)
        {
            asm.Load(BpfSize.DoubleWord, BpfRegister.R1, Stashed, (short)offset)
                .Store(BpfSize.DoubleWord, Record, (short)offset, BpfRegister.R1);
        }

        SyscallExitCaptureProgram.EmitRereadFailedStrings(asm, layout, shape.UserStringOffsets, plan.MaxStringLength);

        asm.Move(BpfRegister.R1, Record)
            .Move(BpfRegister.R2, 0)
            .Call(BpfHelper.RingBufferSubmit);
        asm.Mark(remove);
        EmitStashCall(asm, stashFd, BpfHelper.MapDeleteElement);
        asm.Mark(absent);
    }

    /// <summary>helper(stash, &amp;tid).</summary>
    private static BpfAssembler EmitStashCall(BpfAssembler asm, int stashFd, BpfHelper helper) =>
        asm.LoadMap(BpfRegister.R1, stashFd)
            .Move(BpfRegister.R2, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R2, ThreadKeySlot)
            .Call(helper);
}
