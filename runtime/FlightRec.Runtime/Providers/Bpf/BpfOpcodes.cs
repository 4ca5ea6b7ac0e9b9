namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>Opcode classes and mode bits (Documentation/bpf/standardization/instruction-set.rst).</summary>
internal static class BpfOpcodes
{
    public const byte ClassLoad = 0x00;
    public const byte ClassLoadRegister = 0x01;
    public const byte ClassStore = 0x02;
    public const byte ClassStoreRegister = 0x03;
    public const byte ClassAlu = 0x04;
    public const byte ClassJump = 0x05;
    public const byte ClassAlu64 = 0x07;

    public const byte SourceImmediate = 0x00;
    public const byte SourceRegister = 0x08;

    public const byte ModeImmediate = 0x00;
    public const byte ModeMemory = 0x60;
    public const byte ModeAtomic = 0xc0;

    public const byte JumpAlways = 0x00;
    public const byte Call = 0x80;
    public const byte Exit = 0x90;

    /// <summary>src_reg of a 64-bit immediate load whose immediate is a map descriptor.</summary>
    public const int PseudoMapFd = 1;

    /// <summary>imm of an atomic add (BPF_ADD without BPF_FETCH).</summary>
    public const int AtomicAdd = 0x00;
}
