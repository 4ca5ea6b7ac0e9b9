using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Emits the one program on raw_syscalls:sys_enter (or sys_exit) serving a
/// <see cref="SyscallGroupPlan"/>: it looks the syscall number up in the plan's array and returns
/// at once for a syscall nobody probes; otherwise it applies the group's filter, reserves a
/// record, writes the header with the probe's index, copies the number and the arguments (or the
/// return value) to where sys_enter_X (sys_exit_X) has them, reads the user strings of the
/// syscall's shape and submits, or stashes the record for the completion program
/// (<see cref="SyscallGroupCompletionProgram"/>) when a string page was not resident yet: the
/// same record, byte for byte, as <see cref="TracepointCaptureProgram"/> writes for the probe's own
/// tracepoint, so the stream cannot tell the two apart.
/// </summary>
public static class SyscallGroupProgram
{
    private const BpfRegister Context = TracepointCaptureProgram.Context;
    private const BpfRegister Record = TracepointCaptureProgram.Record;
    private const BpfRegister Failed = TracepointCaptureProgram.Failed;
    private const BpfRegister Value = BpfRegister.R9;

    /// <summary>Below the slots <see cref="TracepointCaptureProgram"/>'s helpers use.</summary>
    internal const short NumberKeySlot = -40;

    /// <summary>
    /// The program for <paramref name="plan"/>, reading probes from the array <paramref name="mapFd"/>,
    /// writing to <paramref name="ringBufferFd"/>, counting losses in <paramref name="lostCounterFd"/>,
    /// stashing a record with an unreadable string in the stash of its shape when
    /// <paramref name="stashFds"/> (shape id → map) has one.
    /// </summary>
    public static BpfInstruction[] Emit(
        SyscallGroupPlan plan, int mapFd, int ringBufferFd, int lostCounterFd, IReadOnlyDictionary<int, int>? stashFds = null)
    {
        var asm = new BpfAssembler();
        var done = asm.DefineLabel();
        var submit = asm.DefineLabel();
        asm.Move(Context, BpfRegister.R1)
            .Load(BpfSize.Word, BpfRegister.R1, Context, SyscallGroupPlan.NumberOffset);
        EmitProbeLookup(asm, mapFd, done);
        asm.Move(Value, BpfRegister.R0)
            .Load(BpfSize.Word, BpfRegister.R1, Value, SyscallGroupPlan.ValueShapeOffset)
            .JumpIf(BpfJumpCondition.Equal, BpfRegister.R1, 0, done);
        if (plan.Filter is { } filter)
        {
            TracepointCaptureProgram.EmitFilter(asm, filter, done);
            asm.Load(BpfSize.Word, BpfRegister.R1, Value, SyscallGroupPlan.ValueShapeOffset);
        }

        for (int id = 1; id <= plan.Shapes.Length; id++)
        {
            var next = asm.DefineLabel();
            asm.JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R1, id, next);
            int? stash = stashFds is not null && stashFds.TryGetValue(id, out int fd) ? fd : null;
            EmitShape(asm, plan, plan.Shapes[id - 1], ringBufferFd, lostCounterFd, stash, done);
            asm.Jump(submit).Mark(next);
        }

        // A shape the plan does not know (never written by Create): nothing reserved, nothing to do.
        asm.Jump(done);
        asm.Mark(submit)
            .Move(BpfRegister.R1, Record)
            .Move(BpfRegister.R2, 0)
            .Call(BpfHelper.RingBufferSubmit);
        asm.Mark(done)
            .Move(BpfRegister.R0, TracepointCaptureProgram.LetPerfSample)
            .Exit();
        return asm.Build();
    }

    /// <summary>r0 = the map value for the syscall number in r1, or a jump to <paramref name="missing"/>. Clobbers r1–r5.</summary>
    internal static void EmitProbeLookup(BpfAssembler asm, int mapFd, BpfLabel missing) =>
        asm.Store(BpfSize.Word, BpfRegister.R10, NumberKeySlot, BpfRegister.R1)
            .LoadMap(BpfRegister.R1, mapFd)
            .Move(BpfRegister.R2, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R2, NumberKeySlot)
            .Call(BpfHelper.MapLookupElement)
            .JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, missing);

    /// <summary>The header of <see cref="TracepointCaptureLayout"/> but the layout's sizes, which depend on the shape.</summary>
    private static void EmitHeader(BpfAssembler asm)
    {
        asm.Load(BpfSize.Word, BpfRegister.R1, Value, SyscallGroupPlan.ValueProbeIndexOffset)
            .Store(BpfSize.Word, Record, TracepointCaptureLayout.ProbeIndexOffset, BpfRegister.R1);
        TracepointCaptureProgram.EmitTaskHeader(asm);
    }

    /// <summary>
    /// One shape's record: reserve its size, the header, the sizes, the record and the strings,
    /// then fall through to the submit (or stash the record and jump to <paramref name="done"/>).
    /// The record: 8 zero bytes where the common fields were, the number as the int
    /// <c>__syscall_nr</c> (and 4 zero bytes of padding), then the 8-byte arguments or return
    /// value, all at the offsets of the raw_syscalls record.
    /// </summary>
    private static void EmitShape(
        BpfAssembler asm, SyscallGroupPlan plan, SyscallGroupShape shape, int ringBufferFd, int lostCounterFd, int? stashFd, BpfLabel done)
    {
        var layout = plan.LayoutOf(shape);
        var reserved = asm.DefineLabel();
        asm.LoadMap(BpfRegister.R1, ringBufferFd)
            .Move(BpfRegister.R2, layout.TotalSize)
            .Move(BpfRegister.R3, 0)
            .Call(BpfHelper.RingBufferReserve)
            .JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R0, 0, reserved);
        TracepointCaptureProgram.EmitCountLost(asm, lostCounterFd, done);
        asm.Mark(reserved).Move(Record, BpfRegister.R0);
        EmitHeader(asm);

        const int Base = TracepointCaptureLayout.RecordOffset;
        // Capacity and length at once: a syscall record has no dynamic data, all of it is copied.
        asm.StoreImmediate(BpfSize.Word, Record, TracepointCaptureLayout.RecordSizeOffset, layout.RecordSize | (layout.RecordSize << 16))
            .StoreImmediate(BpfSize.HalfWord, Record, TracepointCaptureLayout.StringCountOffset, layout.StringCount)
            .StoreImmediate(BpfSize.HalfWord, Record, TracepointCaptureLayout.StringCapacityOffset, layout.StringCapacity)
            .StoreImmediate(BpfSize.DoubleWord, Record, Base, 0)
            .Load(BpfSize.Word, BpfRegister.R1, Context, SyscallGroupPlan.NumberOffset)
            .Store(BpfSize.Word, Record, Base + SyscallGroupPlan.NumberOffset, BpfRegister.R1)
            .StoreImmediate(BpfSize.Word, Record, Base + SyscallGroupPlan.NumberOffset + 4, 0);
        for (int offset = SyscallGroupPlan.FirstArgumentOffset; offset < shape.RecordSize; offset += 8)
        {
            asm.Load(BpfSize.DoubleWord, BpfRegister.R1, Context, (short)offset)
                .Store(BpfSize.DoubleWord, Record, (short)(Base + offset), BpfRegister.R1);
        }

        if (stashFd is not null)
        {
            asm.Move(Failed, 0);
        }

        for (int i = 0; i < shape.UserStringOffsets.Length; i++)
        {
            TracepointCaptureProgram.EmitUserString(asm, Context, shape.UserStringOffsets[i], layout.StringSlotOffset(i), plan.MaxStringLength);
            if (stashFd is not null)
            {
                var read = asm.DefineLabel();
                asm.JumpIf(BpfJumpCondition.SignedGreaterOrEqual, BpfRegister.R0, 0, read)
                    .Move(Failed, 1)
                    .Mark(read);
            }
        }

        if (stashFd is { } stash)
        {
            var complete = asm.DefineLabel();
            asm.JumpIf(BpfJumpCondition.Equal, Failed, 0, complete);
            TracepointCaptureProgram.EmitStash(asm, stash, lostCounterFd, done);
            asm.Mark(complete);
        }
    }
}
