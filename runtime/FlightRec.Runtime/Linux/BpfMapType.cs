namespace FlightRec.Runtime.Linux;

/// <summary>The map types FlightRec creates (enum bpf_map_type in include/uapi/linux/bpf.h).</summary>
public enum BpfMapType
{
    Hash = 1,
    Array = 2,
    PerCpuArray = 6,
    RingBuffer = 27,
}
