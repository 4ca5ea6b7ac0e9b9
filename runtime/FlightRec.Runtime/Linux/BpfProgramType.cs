namespace FlightRec.Runtime.Linux;

/// <summary>The program types FlightRec loads (enum bpf_prog_type in include/uapi/linux/bpf.h).</summary>
public enum BpfProgramType
{
    Tracepoint = 5,
}
