namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>Conditional jumps: the operation bits of a JMP opcode ("Signed" compares as two's complement).</summary>
public enum BpfJumpCondition
{
    Equal = 0x10,
    Greater = 0x20,
    GreaterOrEqual = 0x30,
    BitsSet = 0x40,
    NotEqual = 0x50,
    SignedGreater = 0x60,
    SignedGreaterOrEqual = 0x70,
    Less = 0xa0,
    LessOrEqual = 0xb0,
    SignedLess = 0xc0,
    SignedLessOrEqual = 0xd0,
}
