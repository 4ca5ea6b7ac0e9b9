using System.Runtime.InteropServices;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>struct bpf_insn byte layout, checked by hand against include/uapi/linux/bpf.h.</summary>
public sealed class BpfInstructionTests
{
    [Fact]
    public void RegistersShareOneByteDestinationLow()
    {
        // stxdw [r7+48], r1: opcode 0x7b, dst 7 low nibble, src 1 high nibble, off 48, imm 0.
        var insn = new BpfInstruction(0x7b, 7, 1, 48, 0);
        Assert.Equal("7b 17 30 00 00 00 00 00", insn.ToString());
        Assert.Equal((7, 1), (insn.Destination, insn.Source));
    }

    [Fact]
    public void OffsetAndImmediateAreLittleEndianTwosComplement()
    {
        var insn = new BpfInstruction(0x62, 10, 0, -24, -2);
        Assert.Equal("62 0a e8 ff fe ff ff ff", insn.ToString());
        Assert.Equal((short)-24, insn.Offset);
        Assert.Equal(-2, insn.Immediate);
    }

    [Fact]
    public void StructIsEightBytesInKernelOrder()
    {
        BpfInstruction[] program = [new BpfInstruction(0x85, 0, 0, 0, 131)];
        Assert.Equal(new byte[] { 0x85, 0, 0, 0, 131, 0, 0, 0 }, MemoryMarshal.AsBytes(program.AsSpan()).ToArray());
    }

    [Fact]
    public void RegisterBeyondFifteenIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BpfInstruction(0xb7, 16, 0, 0, 0));
        Assert.Equal("destination", error.ParamName);
    }
}
