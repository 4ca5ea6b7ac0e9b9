namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>The width of a memory access: the size bits of a load/store opcode.</summary>
public enum BpfSize
{
    Word = 0x00,       // 4 bytes
    HalfWord = 0x08,   // 2 bytes
    Byte = 0x10,       // 1 byte
    DoubleWord = 0x18, // 8 bytes
}
