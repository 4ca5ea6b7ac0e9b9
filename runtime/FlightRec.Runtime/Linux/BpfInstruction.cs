using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// One eBPF instruction exactly as the kernel reads it (struct bpf_insn, 8 bytes): opcode,
/// destination register in the low nibble and source register in the high nibble of byte 1
/// (little-endian bitfields; x86-64 and arm64 are both little-endian), a signed 16-bit offset
/// and a signed 32-bit immediate. A 64-bit immediate load takes two of these.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct BpfInstruction : IEquatable<BpfInstruction>
{
    public const int Size = 8;

    private readonly byte _opcode;
    private readonly byte _registers;
    private readonly short _offset;
    private readonly int _immediate;

    public BpfInstruction(byte opcode, int destination, int source, short offset, int immediate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(destination);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(destination, 15);
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(source, 15);
        _opcode = opcode;
        _registers = (byte)(destination | (source << 4));
        _offset = offset;
        _immediate = immediate;
    }

    public byte Opcode => _opcode;

    public int Destination => _registers & 0xF;

    public int Source => _registers >> 4;

    public short Offset => _offset;

    public int Immediate => _immediate;

    /// <summary>The 8 bytes the kernel expects, little-endian.</summary>
    public void WriteTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Size);
        destination[0] = _opcode;
        destination[1] = _registers;
        BinaryPrimitives.WriteInt16LittleEndian(destination[2..], _offset);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], _immediate);
    }

    public bool Equals(BpfInstruction other) =>
        _opcode == other._opcode && _registers == other._registers && _offset == other._offset &&
        _immediate == other._immediate;

    public override bool Equals(object? obj) => obj is BpfInstruction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_opcode, _registers, _offset, _immediate);

    public static bool operator ==(BpfInstruction left, BpfInstruction right) => left.Equals(right);

    public static bool operator !=(BpfInstruction left, BpfInstruction right) => !left.Equals(right);

    /// <summary>The bytes in hex, as bpftool and llvm-objdump print them: "b7 00 00 00 00 00 00 00".</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
