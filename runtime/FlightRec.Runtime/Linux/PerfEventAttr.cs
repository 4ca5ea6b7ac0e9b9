using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>
/// struct perf_event_attr as of PERF_ATTR_SIZE_VER8 (136 bytes, config3 last). Older kernels accept
/// it as long as the fields they do not know are zero (copy_struct_from_user checks the tail), so
/// one layout serves every kernel we run on. Unions are exposed under the name we use.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = SizeVersion8)]
public struct PerfEventAttr
{
    public const int SizeVersion8 = 136;

    /// <summary>PERF_TYPE_*.</summary>
    [FieldOffset(0)] public uint Type;

    /// <summary>sizeof(struct perf_event_attr) as the caller knows it.</summary>
    [FieldOffset(4)] public uint Size;

    [FieldOffset(8)] public ulong Config;

    /// <summary>sample_period, or sample_freq when <see cref="PerfAttrFlags.Freq"/> is set.</summary>
    [FieldOffset(16)] public ulong SamplePeriodOrFrequency;

    /// <summary>PERF_SAMPLE_* bits.</summary>
    [FieldOffset(24)] public ulong SampleType;

    [FieldOffset(32)] public ulong ReadFormat;

    /// <summary>The bit-field word (disabled, inherit, ... use_clockid ...): <see cref="PerfAttrFlags"/>.</summary>
    [FieldOffset(40)] public ulong Flags;

    /// <summary>wakeup_events, or wakeup_watermark (bytes) when <see cref="PerfAttrFlags.Watermark"/> is set.</summary>
    [FieldOffset(48)] public uint WakeupEventsOrWatermark;

    [FieldOffset(52)] public uint BreakpointType;

    /// <summary>bp_addr / kprobe_func / uprobe_path / config1.</summary>
    [FieldOffset(56)] public ulong Config1;

    /// <summary>bp_len / kprobe_addr / probe_offset / config2.</summary>
    [FieldOffset(64)] public ulong Config2;

    [FieldOffset(72)] public ulong BranchSampleType;

    [FieldOffset(80)] public ulong SampleRegsUser;

    [FieldOffset(88)] public uint SampleStackUser;

    /// <summary>The clock of the sample timestamps when <see cref="PerfAttrFlags.UseClockId"/> is set.</summary>
    [FieldOffset(92)] public int ClockId;

    [FieldOffset(96)] public ulong SampleRegsIntr;

    [FieldOffset(104)] public uint AuxWatermark;

    [FieldOffset(108)] public ushort SampleMaxStack;

    [FieldOffset(112)] public uint AuxSampleSize;

    [FieldOffset(116)] public uint AuxAction;

    [FieldOffset(120)] public ulong SigData;

    [FieldOffset(128)] public ulong Config3;
}
