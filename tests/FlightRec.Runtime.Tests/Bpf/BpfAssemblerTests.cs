using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// Encodings checked by hand against the instruction set document
/// (Documentation/bpf/standardization/instruction-set.rst): opcode = operation | source | class.
/// </summary>
public sealed class BpfAssemblerTests
{
    private static string Hex(BpfAssembler asm) => Hex(asm.Build());

    private static string Hex(BpfInstruction[] code) => string.Join("\n", code.Select(i => i.ToString()));

    [Theory]
    [InlineData("mov r0, 0", "b7 00 00 00 00 00 00 00")]
    [InlineData("mov r6, r1", "bf 16 00 00 00 00 00 00")]
    [InlineData("rsh r0, 32", "77 00 00 00 20 00 00 00")]
    [InlineData("add r1, -16", "07 01 00 00 f0 ff ff ff")]
    [InlineData("lsh r1, 32", "67 01 00 00 20 00 00 00")]
    [InlineData("arsh r1, 32", "c7 01 00 00 20 00 00 00")]
    [InlineData("mov32 w0, w0", "bc 00 00 00 00 00 00 00")]
    [InlineData("call 14", "85 00 00 00 0e 00 00 00")]
    [InlineData("exit", "95 00 00 00 00 00 00 00")]
    [InlineData("ldxdw r1, [r10-16]", "79 a1 f0 ff 00 00 00 00")]
    [InlineData("ldxw r1, [r6+8]", "61 61 08 00 00 00 00 00")]
    [InlineData("ldxh r1, [r6+10]", "69 61 0a 00 00 00 00 00")]
    [InlineData("ldxb r1, [r6+11]", "71 61 0b 00 00 00 00 00")]
    [InlineData("stxw [r7+4], r0", "63 07 04 00 00 00 00 00")]
    [InlineData("stxdw [r7+16], r0", "7b 07 10 00 00 00 00 00")]
    [InlineData("stw [r10-24], 0", "62 0a e8 ff 00 00 00 00")]
    [InlineData("sth [r7+44], 1", "6a 07 2c 00 01 00 00 00")]
    [InlineData("stb [r7+60], 0", "72 07 3c 00 00 00 00 00")]
    [InlineData("stdw [r7+48], 0", "7a 07 30 00 00 00 00 00")]
    [InlineData("lock add64 [r0+0], r1", "db 10 00 00 00 00 00 00")]
    [InlineData("lock add32 [r2+8], r3", "c3 32 08 00 00 00 00 00")]
    public void SingleInstruction(string assembly, string bytes)
    {
        var asm = new BpfAssembler();
        _ = assembly switch
        {
            "mov r0, 0" => asm.Move(BpfRegister.R0, 0),
            "mov r6, r1" => asm.Move(BpfRegister.R6, BpfRegister.R1),
            "rsh r0, 32" => asm.Alu64(BpfAluOperation.RightShift, BpfRegister.R0, 32),
            "add r1, -16" => asm.Alu64(BpfAluOperation.Add, BpfRegister.R1, -16),
            "lsh r1, 32" => asm.Alu64(BpfAluOperation.LeftShift, BpfRegister.R1, 32),
            "arsh r1, 32" => asm.Alu64(BpfAluOperation.ArithmeticRightShift, BpfRegister.R1, 32),
            "mov32 w0, w0" => asm.Alu32(BpfAluOperation.Move, BpfRegister.R0, BpfRegister.R0),
            "call 14" => asm.Call(BpfHelper.GetCurrentPidTgid),
            "exit" => asm.Exit(),
            "ldxdw r1, [r10-16]" => asm.Load(BpfSize.DoubleWord, BpfRegister.R1, BpfRegister.R10, -16),
            "ldxw r1, [r6+8]" => asm.Load(BpfSize.Word, BpfRegister.R1, BpfRegister.R6, 8),
            "ldxh r1, [r6+10]" => asm.Load(BpfSize.HalfWord, BpfRegister.R1, BpfRegister.R6, 10),
            "ldxb r1, [r6+11]" => asm.Load(BpfSize.Byte, BpfRegister.R1, BpfRegister.R6, 11),
            "stxw [r7+4], r0" => asm.Store(BpfSize.Word, BpfRegister.R7, 4, BpfRegister.R0),
            "stxdw [r7+16], r0" => asm.Store(BpfSize.DoubleWord, BpfRegister.R7, 16, BpfRegister.R0),
            "stw [r10-24], 0" => asm.StoreImmediate(BpfSize.Word, BpfRegister.R10, -24, 0),
            "sth [r7+44], 1" => asm.StoreImmediate(BpfSize.HalfWord, BpfRegister.R7, 44, 1),
            "stb [r7+60], 0" => asm.StoreImmediate(BpfSize.Byte, BpfRegister.R7, 60, 0),
            "stdw [r7+48], 0" => asm.StoreImmediate(BpfSize.DoubleWord, BpfRegister.R7, 48, 0),
            "lock add64 [r0+0], r1" => asm.AtomicAdd(BpfSize.DoubleWord, BpfRegister.R0, 0, BpfRegister.R1),
            "lock add32 [r2+8], r3" => asm.AtomicAdd(BpfSize.Word, BpfRegister.R2, 8, BpfRegister.R3),
            _ => throw new ArgumentException(assembly),
        };
        Assert.Equal(bytes, Hex(asm));
    }

    [Fact]
    public void MapReferenceIsTwoSlotsWithPseudoMapFdSource()
    {
        Assert.Equal(
            "18 11 00 00 05 00 00 00\n00 00 00 00 00 00 00 00",
            Hex(new BpfAssembler().LoadMap(BpfRegister.R1, 5)));
    }

    [Fact]
    public void SixtyFourBitImmediateSplitsLowThenHigh()
    {
        Assert.Equal(
            "18 02 00 00 88 77 66 55\n00 00 00 00 44 33 22 11",
            Hex(new BpfAssembler().LoadImmediate64(BpfRegister.R2, 0x1122334455667788)));
    }

    [Fact]
    public void ForwardJumpCountsBothSlotsOfAWideLoad()
    {
        var asm = new BpfAssembler();
        var skip = asm.DefineLabel();
        asm.JumpIf(BpfJumpCondition.NotEqual, BpfRegister.R0, 0, skip) // 0: jne r0, 0, +3
            .LoadImmediate64(BpfRegister.R1, -1)                       // 1-2
            .Move(BpfRegister.R2, 1)                                    // 3
            .Mark(skip)
            .Exit();                                                    // 4
        Assert.Equal(
            "55 00 03 00 00 00 00 00\n18 01 00 00 ff ff ff ff\n00 00 00 00 ff ff ff ff\nb7 02 00 00 01 00 00 00\n95 00 00 00 00 00 00 00",
            Hex(asm));
    }

    [Fact]
    public void BackwardJumpIsNegative()
    {
        var asm = new BpfAssembler();
        var top = asm.DefineLabel();
        asm.Mark(top)
            .Alu64(BpfAluOperation.Add, BpfRegister.R1, 1)                            // 0
            .JumpIf(BpfJumpCondition.SignedLess, BpfRegister.R1, BpfRegister.R2, top) // 1: jslt r1, r2, -2
            .Jump(top);                                                                // 2: ja -3
        Assert.Equal(
            "07 01 00 00 01 00 00 00\ncd 21 fe ff 00 00 00 00\n05 00 fd ff 00 00 00 00",
            Hex(asm));
    }

    [Theory]
    [InlineData(BpfJumpCondition.Equal, "15")]
    [InlineData(BpfJumpCondition.Greater, "25")]
    [InlineData(BpfJumpCondition.GreaterOrEqual, "35")]
    [InlineData(BpfJumpCondition.BitsSet, "45")]
    [InlineData(BpfJumpCondition.NotEqual, "55")]
    [InlineData(BpfJumpCondition.SignedGreater, "65")]
    [InlineData(BpfJumpCondition.SignedGreaterOrEqual, "75")]
    [InlineData(BpfJumpCondition.Less, "a5")]
    [InlineData(BpfJumpCondition.LessOrEqual, "b5")]
    [InlineData(BpfJumpCondition.SignedLess, "c5")]
    [InlineData(BpfJumpCondition.SignedLessOrEqual, "d5")]
    public void JumpOpcodes(BpfJumpCondition condition, string opcode)
    {
        var asm = new BpfAssembler();
        var next = asm.DefineLabel();
        asm.JumpIf(condition, BpfRegister.R3, 7, next).Mark(next);
        Assert.Equal($"{opcode} 03 00 00 07 00 00 00", Hex(asm));
    }

    [Fact]
    public void UnplacedLabelIsAnError()
    {
        var asm = new BpfAssembler();
        asm.Jump(asm.DefineLabel());
        var error = Assert.Throws<InvalidOperationException>(() => asm.Build());
        Assert.Equal("label 0 is jumped to from instruction 0 but never placed", error.Message);
    }

    [Fact]
    public void LabelPlacedTwiceIsAnError()
    {
        var asm = new BpfAssembler();
        var label = asm.DefineLabel();
        asm.Mark(label).Exit();
        var error = Assert.Throws<InvalidOperationException>(() => asm.Mark(label));
        Assert.Equal("label 0 is already placed at instruction 0", error.Message);
    }

    [Fact]
    public void AtomicAddOfAByteIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new BpfAssembler().AtomicAdd(BpfSize.Byte, BpfRegister.R0, 0, BpfRegister.R1));
        Assert.StartsWith("atomic operations are 32- or 64-bit", error.Message);
    }
}
