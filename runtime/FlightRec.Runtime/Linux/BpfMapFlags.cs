namespace FlightRec.Runtime.Linux;

/// <summary>bpf_attr.map_flags at BPF_MAP_CREATE (include/uapi/linux/bpf.h).</summary>
[Flags]
public enum BpfMapFlags : uint
{
    None = 0,

    /// <summary>
    /// BPF_F_NO_PREALLOC: a hash map allocates elements as they are inserted, so its memory
    /// follows what it holds rather than its maximum size.
    /// </summary>
    NoPreallocate = 1,
}
