namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>Arithmetic operations: the operation bits of an ALU/ALU64 opcode.</summary>
public enum BpfAluOperation
{
    Add = 0x00,
    Subtract = 0x10,
    Multiply = 0x20,
    Divide = 0x30,
    Or = 0x40,
    And = 0x50,
    LeftShift = 0x60,
    RightShift = 0x70,
    Negate = 0x80,
    Modulo = 0x90,
    Xor = 0xa0,
    Move = 0xb0,
    ArithmeticRightShift = 0xc0,
}
