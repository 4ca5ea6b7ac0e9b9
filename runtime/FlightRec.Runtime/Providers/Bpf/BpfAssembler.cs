using FlightRec.Runtime.Linux;
using static FlightRec.Runtime.Providers.Bpf.BpfOpcodes;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Builds an eBPF program instruction by instruction. Jumps name <see cref="BpfLabel"/>s, which
/// may be placed after the jump; <see cref="Build"/> turns them into the relative offsets the
/// kernel wants (target − jump − 1, counted in 8-byte slots, so a 64-bit immediate load counts twice).
/// </summary>
public sealed class BpfAssembler
{
    private const int Unplaced = -1;

    private readonly List<BpfInstruction> _code = [];
    private readonly List<int> _labelPositions = [];
    private readonly List<(int Slot, BpfLabel Target)> _jumps = [];

    /// <summary>Slots emitted so far (the index the next instruction gets).</summary>
    public int Count => _code.Count;

    public BpfLabel DefineLabel()
    {
        _labelPositions.Add(Unplaced);
        return new BpfLabel(_labelPositions.Count - 1);
    }

    /// <summary>Places <paramref name="label"/> at the next instruction.</summary>
    public BpfAssembler Mark(BpfLabel label)
    {
        if (_labelPositions[label.Id] != Unplaced)
        {
            throw new InvalidOperationException($"label {label.Id} is already placed at instruction {_labelPositions[label.Id]}");
        }

        _labelPositions[label.Id] = _code.Count;
        return this;
    }

    /// <summary>dst = imm (64-bit, the immediate sign-extended).</summary>
    public BpfAssembler Move(BpfRegister destination, int immediate) =>
        Alu64(BpfAluOperation.Move, destination, immediate);

    /// <summary>dst = src (64-bit).</summary>
    public BpfAssembler Move(BpfRegister destination, BpfRegister source) =>
        Alu64(BpfAluOperation.Move, destination, source);

    /// <summary>dst = dst op imm, 64-bit.</summary>
    public BpfAssembler Alu64(BpfAluOperation operation, BpfRegister destination, int immediate) =>
        Emit((byte)(ClassAlu64 | SourceImmediate | (int)operation), destination, 0, 0, immediate);

    /// <summary>dst = dst op src, 64-bit.</summary>
    public BpfAssembler Alu64(BpfAluOperation operation, BpfRegister destination, BpfRegister source) =>
        Emit((byte)(ClassAlu64 | SourceRegister | (int)operation), destination, source, 0, 0);

    /// <summary>dst = (u32)(dst op imm): 32-bit, the upper half of dst cleared.</summary>
    public BpfAssembler Alu32(BpfAluOperation operation, BpfRegister destination, int immediate) =>
        Emit((byte)(ClassAlu | SourceImmediate | (int)operation), destination, 0, 0, immediate);

    /// <summary>dst = (u32)(dst op src): 32-bit, the upper half of dst cleared.</summary>
    public BpfAssembler Alu32(BpfAluOperation operation, BpfRegister destination, BpfRegister source) =>
        Emit((byte)(ClassAlu | SourceRegister | (int)operation), destination, source, 0, 0);

    /// <summary>dst = *(size *)(src + offset), zero-extended.</summary>
    public BpfAssembler Load(BpfSize size, BpfRegister destination, BpfRegister source, short offset) =>
        Emit((byte)(ClassLoadRegister | ModeMemory | (int)size), destination, source, offset, 0);

    /// <summary>*(size *)(dst + offset) = src.</summary>
    public BpfAssembler Store(BpfSize size, BpfRegister destination, short offset, BpfRegister source) =>
        Emit((byte)(ClassStoreRegister | ModeMemory | (int)size), destination, source, offset, 0);

    /// <summary>*(size *)(dst + offset) = imm.</summary>
    public BpfAssembler StoreImmediate(BpfSize size, BpfRegister destination, short offset, int immediate) =>
        Emit((byte)(ClassStore | ModeMemory | (int)size), destination, 0, offset, immediate);

    /// <summary>lock *(size *)(dst + offset) += src, for a word or double word.</summary>
    public BpfAssembler AtomicAdd(BpfSize size, BpfRegister destination, short offset, BpfRegister source)
    {
        if (size is not (BpfSize.Word or BpfSize.DoubleWord))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "atomic operations are 32- or 64-bit");
        }

        return Emit((byte)(ClassStoreRegister | ModeAtomic | (int)size), destination, source, offset, BpfOpcodes.AtomicAdd);
    }

    /// <summary>dst = imm64: two slots, the low half in the first immediate, the high half in the second.</summary>
    public BpfAssembler LoadImmediate64(BpfRegister destination, long immediate) =>
        LoadDoubleWord(destination, 0, immediate);

    /// <summary>
    /// dst = the map behind descriptor <paramref name="mapFd"/> (BPF_PSEUDO_MAP_FD): the kernel
    /// swaps the descriptor for the map's address when it loads the program.
    /// </summary>
    public BpfAssembler LoadMap(BpfRegister destination, int mapFd) =>
        LoadDoubleWord(destination, PseudoMapFd, (uint)mapFd);

    /// <summary>r0 = helper(r1, …, r5).</summary>
    public BpfAssembler Call(BpfHelper helper) =>
        Emit((byte)(ClassJump | BpfOpcodes.Call), 0, 0, 0, (int)helper);

    /// <summary>Returns r0.</summary>
    public BpfAssembler Exit() => Emit((byte)(ClassJump | BpfOpcodes.Exit), 0, 0, 0, 0);

    public BpfAssembler Jump(BpfLabel target) => EmitJump((byte)(ClassJump | JumpAlways), 0, 0, 0, target);

    /// <summary>if (dst cond imm) goto target; the immediate is sign-extended to 64 bits.</summary>
    public BpfAssembler JumpIf(BpfJumpCondition condition, BpfRegister destination, int immediate, BpfLabel target) =>
        EmitJump((byte)(ClassJump | SourceImmediate | (int)condition), destination, 0, immediate, target);

    /// <summary>if (dst cond src) goto target, 64-bit.</summary>
    public BpfAssembler JumpIf(BpfJumpCondition condition, BpfRegister destination, BpfRegister source, BpfLabel target) =>
        EmitJump((byte)(ClassJump | SourceRegister | (int)condition), destination, source, 0, target);

    /// <summary>The program, labels resolved. Throws if a label used by a jump was never placed or is out of reach.</summary>
    public BpfInstruction[] Build()
    {
        var program = _code.ToArray();
        foreach (var (slot, target) in _jumps)
        {
            int position = _labelPositions[target.Id];
            if (position == Unplaced)
            {
                throw new InvalidOperationException($"label {target.Id} is jumped to from instruction {slot} but never placed");
            }

            int distance = position - slot - 1;
            if (distance is < short.MinValue or > short.MaxValue)
            {
                throw new InvalidOperationException($"jump from instruction {slot} to {position} is beyond a 16-bit offset");
            }

            var jump = program[slot];
            program[slot] = new BpfInstruction(jump.Opcode, jump.Destination, jump.Source, (short)distance, jump.Immediate);
        }

        return program;
    }

    private BpfAssembler LoadDoubleWord(BpfRegister destination, int source, long immediate)
    {
        Emit((byte)(ClassLoad | ModeImmediate | (int)BpfSize.DoubleWord), destination, (BpfRegister)source, 0, (int)immediate);
        return Emit(0, 0, 0, 0, (int)(immediate >> 32));
    }

    private BpfAssembler EmitJump(byte opcode, BpfRegister destination, BpfRegister source, int immediate, BpfLabel target)
    {
        _jumps.Add((_code.Count, target));
        return Emit(opcode, destination, source, 0, immediate);
    }

    private BpfAssembler Emit(byte opcode, BpfRegister destination, BpfRegister source, short offset, int immediate)
    {
        _code.Add(new BpfInstruction(opcode, (int)destination, (int)source, offset, immediate));
        return this;
    }
}
