namespace FlightRec.Runtime.Linux;

/// <summary>Bits of the perf_event_attr bit-field word (<see cref="PerfEventAttr.Flags"/>), in declaration order.</summary>
public static class PerfAttrFlags
{
    public const ulong Disabled = 1UL << 0;
    public const ulong Inherit = 1UL << 1;
    public const ulong Pinned = 1UL << 2;
    public const ulong Exclusive = 1UL << 3;
    public const ulong ExcludeUser = 1UL << 4;
    public const ulong ExcludeKernel = 1UL << 5;
    public const ulong ExcludeHypervisor = 1UL << 6;
    public const ulong ExcludeIdle = 1UL << 7;
    public const ulong Mmap = 1UL << 8;
    public const ulong Comm = 1UL << 9;
    public const ulong Freq = 1UL << 10;
    public const ulong InheritStat = 1UL << 11;
    public const ulong EnableOnExec = 1UL << 12;
    public const ulong Task = 1UL << 13;
    public const ulong Watermark = 1UL << 14;
    public const ulong SampleIdAll = 1UL << 18;
    public const ulong UseClockId = 1UL << 25;
}
