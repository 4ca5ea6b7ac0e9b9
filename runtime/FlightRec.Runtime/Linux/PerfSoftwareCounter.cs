namespace FlightRec.Runtime.Linux;

/// <summary>PERF_COUNT_SW_* configs of <see cref="PerfEventType.Software"/> events.</summary>
public static class PerfSoftwareCounter
{
    public const ulong CpuClock = 0;
    public const ulong TaskClock = 1;
    public const ulong PageFaults = 2;
    public const ulong ContextSwitches = 3;
    public const ulong CpuMigrations = 4;
    public const ulong PageFaultsMinor = 5;
    public const ulong PageFaultsMajor = 6;
    public const ulong AlignmentFaults = 7;
    public const ulong EmulationFaults = 8;
    public const ulong Dummy = 9;
    public const ulong BpfOutput = 10;
    public const ulong CgroupSwitches = 11;
}
