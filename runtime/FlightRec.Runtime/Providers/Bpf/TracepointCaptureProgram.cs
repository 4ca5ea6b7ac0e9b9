using System.Buffers.Binary;
using System.Text;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Emits the tracepoint program that captures one probe's events into a ring buffer:
/// filter (return early on reject), reserve a fixed-size record, write the header, copy the
/// tracepoint record from the context, read each user string, submit. When the ring is full
/// it adds one to this CPU's slot of the lost counter instead, so loss is never silent.
/// With a stash map (syscall entry tracepoints), a record one of whose strings could not be read
/// (its page not yet mapped: bpf_probe_read_user_str cannot fault it in) goes into the stash
/// under the thread id instead of the ring; <see cref="SyscallExitCaptureProgram"/> re-reads
/// the strings at the syscall's exit, when the kernel has faulted them in, and submits it.
/// The program always returns <see cref="LetPerfSample"/>.
/// </summary>
public static class TracepointCaptureProgram
{
    /// <summary>Needed for bpf_probe_read_user_str, a GPL-only helper.</summary>
    public const string License = "GPL";

    /// <summary>
    /// What every capture program returns. The kernel ANDs the results of all BPF programs on a
    /// tracepoint and, on 0, drops the event for every perf event open on it: perf record, or
    /// our own perf path in the same module, would see nothing while a capture is armed. On 1
    /// the only cost of ours is the count of the attachment's counting event (it never samples).
    /// </summary>
    public const int LetPerfSample = 1;

    // Registers that live across helper calls.
    internal const BpfRegister Context = BpfRegister.R6;
    internal const BpfRegister Record = BpfRegister.R7;
    internal const BpfRegister Failed = BpfRegister.R8;

    // Stack slots below the frame pointer.
    private const short CommSlot = -16;
    private const short LostKeySlot = -24;
    internal const short ThreadKeySlot = -32;

    private const int UpdateAny = 0; // BPF_ANY
    private const int UpdateIfAbsent = 1; // BPF_NOEXIST
    private const int EEXIST = 17;

    /// <summary>
    /// The program for <paramref name="spec"/>, writing to the ring buffer map
    /// <paramref name="ringBufferFd"/> and counting reserve failures in slot 0 of the per-CPU
    /// u64 array <paramref name="lostCounterFd"/>. With <paramref name="stashFd"/> (a hash map from
    /// u32 thread id to a whole record), records with an unreadable string are stashed there.
    /// </summary>
    public static BpfInstruction[] Emit(TracepointCaptureSpec spec, int ringBufferFd, int lostCounterFd, int? stashFd = null)
    {
        var layout = TracepointCaptureLayout.For(spec);
        foreach (int offset in spec.UserStringOffsets)
        {
            if (offset < TracepointCaptureLayout.UnreadableRecordPrefix || offset % 8 != 0 || offset + 8 > spec.RecordSize)
            {
                throw new ArgumentException(
                    $"a user string pointer must be an aligned 8-byte field at offset 8 or more inside the {spec.RecordSize}-byte record; {offset} is not");
            }
        }

        var asm = new BpfAssembler();
        var done = asm.DefineLabel();
        asm.Move(Context, BpfRegister.R1);
        if (spec.Filter is { } filter)
        {
            EmitFilter(asm, filter, done);
        }

        var reserved = asm.DefineLabel();
        asm.LoadMap(BpfRegister.R1, ringBufferFd)
            .Move(BpfRegister.R2, layout.TotalSize)
            .Move(BpfRegister.R3, 0)
            .Call(BpfHelper.RingBufferReserve)
            .JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R0, 0, reserved);
        EmitCountLost(asm, lostCounterFd, done);

        asm.Mark(reserved).Move(Record, BpfRegister.R0);
        EmitHeader(asm, spec, layout);
        if (spec.DataLocations.IsDefaultOrEmpty)
        {
            TracepointRecordCopy.EmitFixed(asm, spec.RecordSize);
        }
        else
        {
            TracepointRecordCopy.EmitWithData(asm, spec, layout);
        }
        if (stashFd is not null)
        {
            asm.Move(Failed, 0);
        }

        for (int i = 0; i < spec.UserStringOffsets.Length; i++)
        {
            EmitUserString(asm, Context, spec.UserStringOffsets[i], layout.StringSlotOffset(i), spec.MaxStringLength);
            if (stashFd is not null)
            {
                var read = asm.DefineLabel();
                asm.JumpIf(BpfJumpCondition.SignedGreaterOrEqual, BpfRegister.R0, 0, read)
                    .Move(Failed, 1)
                    .Mark(read);
            }
        }

        if (stashFd is { } stashMap)
        {
            var submit = asm.DefineLabel();
            asm.JumpIf(BpfJumpCondition.Equal, Failed, 0, submit);
            EmitStash(asm, stashMap, lostCounterFd, done);
            asm.Mark(submit);
        }

        asm.Move(BpfRegister.R1, Record)
            .Move(BpfRegister.R2, 0)
            .Call(BpfHelper.RingBufferSubmit);
        asm.Mark(done)
            .Move(BpfRegister.R0, LetPerfSample)
            .Exit();
        return asm.Build();
    }

    internal static void EmitFilter(BpfAssembler asm, BpfCaptureFilter filter, BpfLabel reject)
    {
        switch (filter.Kind)
        {
            case BpfCaptureFilterKind.ProcessId:
                asm.Call(BpfHelper.GetCurrentPidTgid)
                    .Alu64(BpfAluOperation.RightShift, BpfRegister.R0, 32);
                EmitCompare(asm, BpfRegister.R0, filter.Comparison, isSigned: false, filter.Constant, reject);
                break;
            case BpfCaptureFilterKind.ThreadId:
                asm.Call(BpfHelper.GetCurrentPidTgid)
                    .Alu32(BpfAluOperation.Move, BpfRegister.R0, BpfRegister.R0);
                EmitCompare(asm, BpfRegister.R0, filter.Comparison, isSigned: false, filter.Constant, reject);
                break;
            case BpfCaptureFilterKind.Comm:
                EmitCommFilter(asm, filter, reject);
                break;
            case BpfCaptureFilterKind.IntegerField:
                EmitFieldFilter(asm, filter, reject);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter.Kind, "unknown filter kind");
        }
    }

    private static void EmitCommFilter(BpfAssembler asm, BpfCaptureFilter filter, BpfLabel reject)
    {
        Span<byte> wanted = stackalloc byte[TracepointCaptureLayout.CommLength];
        wanted.Clear();
        Encoding.UTF8.GetBytes(filter.Comm, wanted);
        long low = BinaryPrimitives.ReadInt64LittleEndian(wanted);
        long high = BinaryPrimitives.ReadInt64LittleEndian(wanted[8..]);

        // bpf_get_current_comm pads with NULs, so two 64-bit compares decide equality.
        asm.Move(BpfRegister.R1, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R1, CommSlot)
            .Move(BpfRegister.R2, TracepointCaptureLayout.CommLength)
            .Call(BpfHelper.GetCurrentComm)
            .Load(BpfSize.DoubleWord, BpfRegister.R1, BpfRegister.R10, CommSlot)
            .LoadImmediate64(BpfRegister.R2, low)
            .Load(BpfSize.DoubleWord, BpfRegister.R3, BpfRegister.R10, (short)(CommSlot + 8))
            .LoadImmediate64(BpfRegister.R4, high);
        if (filter.Comparison == BpfComparison.Equal)
        {
            asm.JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R1, BpfRegister.R2, reject)
                .JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R3, BpfRegister.R4, reject);
        }
        else
        {
            var accept = asm.DefineLabel();
            asm.JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R1, BpfRegister.R2, accept)
                .JumpIf(BpfJumpCondition.Equal, BpfRegister.R3, BpfRegister.R4, reject)
                .Mark(accept);
        }
    }

    private static void EmitFieldFilter(BpfAssembler asm, BpfCaptureFilter filter, BpfLabel reject)
    {
        // Direct context loads: the verifier allows aligned reads past the first 8 bytes.
        asm.Load(SizeOf(filter.FieldSize), BpfRegister.R1, Context, (short)filter.FieldOffset);
        if (filter.FieldIsSigned && filter.FieldSize < 8)
        {
            int shift = 64 - (8 * filter.FieldSize);
            asm.Alu64(BpfAluOperation.LeftShift, BpfRegister.R1, shift)
                .Alu64(BpfAluOperation.ArithmeticRightShift, BpfRegister.R1, shift);
        }

        EmitCompare(asm, BpfRegister.R1, filter.Comparison, filter.FieldIsSigned, filter.Constant, reject);
    }

    /// <summary>Jumps to <paramref name="reject"/> unless <c>value comparison constant</c> holds.</summary>
    private static void EmitCompare(BpfAssembler asm, BpfRegister value, BpfComparison comparison, bool isSigned, long constant, BpfLabel reject)
    {
        var failed = Negation(comparison, isSigned);
        if (constant is >= int.MinValue and <= int.MaxValue)
        {
            asm.JumpIf(failed, value, (int)constant, reject);
        }
        else
        {
            var scratch = value == BpfRegister.R2 ? BpfRegister.R3 : BpfRegister.R2;
            asm.LoadImmediate64(scratch, constant)
                .JumpIf(failed, value, scratch, reject);
        }
    }

    private static BpfJumpCondition Negation(BpfComparison comparison, bool isSigned) => comparison switch
    {
        BpfComparison.Equal => BpfJumpCondition.NotEqual,
        BpfComparison.NotEqual => BpfJumpCondition.Equal,
        BpfComparison.Less => isSigned ? BpfJumpCondition.SignedGreaterOrEqual : BpfJumpCondition.GreaterOrEqual,
        BpfComparison.Greater => isSigned ? BpfJumpCondition.SignedLessOrEqual : BpfJumpCondition.LessOrEqual,
        BpfComparison.LessOrEqual => isSigned ? BpfJumpCondition.SignedGreater : BpfJumpCondition.Greater,
        BpfComparison.GreaterOrEqual => isSigned ? BpfJumpCondition.SignedLess : BpfJumpCondition.Less,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "unknown comparison"),
    };

    /// <summary>Adds one to this CPU's lost counter, then jumps to <paramref name="next"/>. Clobbers r0–r5.</summary>
    internal static void EmitCountLost(BpfAssembler asm, int lostCounterFd, BpfLabel next)
    {
        asm.StoreImmediate(BpfSize.Word, BpfRegister.R10, LostKeySlot, 0)
            .LoadMap(BpfRegister.R1, lostCounterFd)
            .Move(BpfRegister.R2, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R2, LostKeySlot)
            .Call(BpfHelper.MapLookupElement)
            .JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, next)
            .Move(BpfRegister.R1, 1)

            // Atomic even though the slot is per-CPU: tracepoint programs may be preempted on
            // their CPU (syscall tracepoints are faultable), so two can interleave there.
            .AtomicAdd(BpfSize.DoubleWord, BpfRegister.R0, 0, BpfRegister.R1)
            .Jump(next);
    }

    private static void EmitHeader(BpfAssembler asm, TracepointCaptureSpec spec, TracepointCaptureLayout layout)
    {
        asm.StoreImmediate(BpfSize.Word, Record, TracepointCaptureLayout.ProbeIndexOffset, spec.ProbeIndex);
        EmitTaskHeader(asm);
        // Capacity and length at once; a copy with dynamic data writes its own length after.
        asm.StoreImmediate(BpfSize.Word, Record, TracepointCaptureLayout.RecordSizeOffset,
                layout.RecordSize | (spec.DataLocations.IsDefaultOrEmpty ? layout.RecordSize << 16 : 0))
            .StoreImmediate(BpfSize.HalfWord, Record, TracepointCaptureLayout.StringCountOffset, layout.StringCount)
            .StoreImmediate(BpfSize.HalfWord, Record, TracepointCaptureLayout.StringCapacityOffset, layout.StringCapacity);
    }

    /// <summary>The header's task part, the same for every capture: CPU, pid/tid, uid/gid, time, comm. Clobbers r0–r5.</summary>
    internal static void EmitTaskHeader(BpfAssembler asm) =>
        asm.Call(BpfHelper.GetSmpProcessorId)
            .Store(BpfSize.Word, Record, TracepointCaptureLayout.CpuOffset, BpfRegister.R0)
            .Call(BpfHelper.GetCurrentPidTgid)
            .Store(BpfSize.Word, Record, TracepointCaptureLayout.ThreadIdOffset, BpfRegister.R0)
            .Alu64(BpfAluOperation.RightShift, BpfRegister.R0, 32)
            .Store(BpfSize.Word, Record, TracepointCaptureLayout.ProcessIdOffset, BpfRegister.R0)
            .Call(BpfHelper.GetCurrentUidGid)
            .Store(BpfSize.Word, Record, TracepointCaptureLayout.UidOffset, BpfRegister.R0)
            .Alu64(BpfAluOperation.RightShift, BpfRegister.R0, 32)
            .Store(BpfSize.Word, Record, TracepointCaptureLayout.GidOffset, BpfRegister.R0)
            .Call(BpfHelper.KtimeGetNanoseconds)
            .Store(BpfSize.DoubleWord, Record, TracepointCaptureLayout.TimestampOffset, BpfRegister.R0)
            .Move(BpfRegister.R1, Record)
            .Alu64(BpfAluOperation.Add, BpfRegister.R1, TracepointCaptureLayout.CommOffset)
            .Move(BpfRegister.R2, TracepointCaptureLayout.CommLength)
            .Call(BpfHelper.GetCurrentComm);

    /// <summary>
    /// Copies the record in the ring (header, tracepoint record, strings) to the stash under this
    /// thread's id and discards it from the ring. A stale entry of the same thread (a syscall whose
    /// exit never came) is overwritten and counted lost; so is a record the full stash refuses.
    /// </summary>
    internal static void EmitStash(BpfAssembler asm, int stashFd, int lostCounterFd, BpfLabel done)
    {
        var discard = asm.DefineLabel();
        var counted = asm.DefineLabel();
        asm.Load(BpfSize.Word, BpfRegister.R1, Record, TracepointCaptureLayout.ThreadIdOffset)
            .Store(BpfSize.Word, BpfRegister.R10, ThreadKeySlot, BpfRegister.R1);
        EmitStashUpdate(asm, stashFd, UpdateIfAbsent);
        asm.JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, discard)
            .Move(Failed, BpfRegister.R0);
        EmitCountLost(asm, lostCounterFd, counted);
        asm.Mark(counted)
            .JumpIf(BpfJumpCondition.NotEqual, Failed, -EEXIST, discard);
        EmitStashUpdate(asm, stashFd, UpdateAny);
        asm.JumpIf(BpfJumpCondition.Equal, BpfRegister.R0, 0, discard);
        EmitCountLost(asm, lostCounterFd, discard);
        asm.Mark(discard)
            .Move(BpfRegister.R1, Record)
            .Move(BpfRegister.R2, 0)
            .Call(BpfHelper.RingBufferDiscard)
            .Jump(done);
    }

    private static void EmitStashUpdate(BpfAssembler asm, int stashFd, int flags) =>
        asm.LoadMap(BpfRegister.R1, stashFd)
            .Move(BpfRegister.R2, BpfRegister.R10)
            .Alu64(BpfAluOperation.Add, BpfRegister.R2, ThreadKeySlot)
            .Move(BpfRegister.R3, Record)
            .Move(BpfRegister.R4, flags)
            .Call(BpfHelper.MapUpdateElement);

    /// <summary>
    /// r0 = bpf_probe_read_user_str(record + slot + 8, capacity, *(u64 *)(source + pointerOffset)),
    /// stored as the string's status. <paramref name="source"/> holds the tracepoint record: the
    /// context at the event, or the stashed copy (whose record starts at RecordOffset) at the exit.
    /// </summary>
    internal static void EmitUserString(BpfAssembler asm, BpfRegister source, int pointerOffset, int slotOffset, int capacity)
    {
        asm.Move(BpfRegister.R1, Record)
            .Alu64(BpfAluOperation.Add, BpfRegister.R1, slotOffset + TracepointCaptureLayout.StringPrefixSize)
            .Move(BpfRegister.R2, capacity)
            .Load(BpfSize.DoubleWord, BpfRegister.R3, source, (short)pointerOffset)
            .Call(BpfHelper.ProbeReadUserString)
            .Store(BpfSize.Word, Record, (short)slotOffset, BpfRegister.R0)
            .StoreImmediate(BpfSize.Word, Record, (short)(slotOffset + 4), 0);
    }

    internal static BpfSize SizeOf(int bytes) => bytes switch
    {
        1 => BpfSize.Byte,
        2 => BpfSize.HalfWord,
        4 => BpfSize.Word,
        8 => BpfSize.DoubleWord,
        _ => throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "1, 2, 4 or 8 bytes"),
    };
}
