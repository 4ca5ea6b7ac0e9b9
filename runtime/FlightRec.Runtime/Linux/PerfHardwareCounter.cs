namespace FlightRec.Runtime.Linux;

/// <summary>PERF_COUNT_HW_* configs of <see cref="PerfEventType.Hardware"/> events.</summary>
public static class PerfHardwareCounter
{
    public const ulong CpuCycles = 0;
    public const ulong Instructions = 1;
    public const ulong CacheReferences = 2;
    public const ulong CacheMisses = 3;
    public const ulong BranchInstructions = 4;
    public const ulong BranchMisses = 5;
    public const ulong BusCycles = 6;
    public const ulong StalledCyclesFrontend = 7;
    public const ulong StalledCyclesBackend = 8;
    public const ulong RefCpuCycles = 9;
}
