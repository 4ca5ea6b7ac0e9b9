namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>Kernel helper functions by their fixed numbers (enum bpf_func_id in include/uapi/linux/bpf.h).</summary>
public enum BpfHelper
{
    MapLookupElement = 1,
    MapUpdateElement = 2,
    MapDeleteElement = 3,
    KtimeGetNanoseconds = 5,
    GetSmpProcessorId = 8,
    GetCurrentPidTgid = 14,
    GetCurrentUidGid = 15,
    GetCurrentComm = 16,
    ProbeReadUser = 112,
    ProbeReadKernel = 113,
    ProbeReadUserString = 114,
    ProbeReadKernelString = 115,
    RingBufferOutput = 130,
    RingBufferReserve = 131,
    RingBufferSubmit = 132,
    RingBufferDiscard = 133,
}
