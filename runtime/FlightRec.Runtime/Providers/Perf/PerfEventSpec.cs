using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// One event to open on every CPU. <see cref="Name"/> is what error messages call it
/// ("syscalls:sys_enter_openat", "cpu_cycles").
/// </summary>
public sealed record PerfEventSpec(string Name, uint Type, ulong Config, PerfSampling Sampling)
{
    /// <summary>A tracepoint by its tracefs id (events/SYSTEM/EVENT/id), sampled on every hit.</summary>
    public static PerfEventSpec Tracepoint(string name, ulong tracefsId) =>
        new(name, PerfEventType.Tracepoint, tracefsId, PerfSampling.EveryEvent);

    /// <summary>A software event (<see cref="PerfSoftwareCounter"/>), e.g. cpu-clock every 1,000,000 ns.</summary>
    public static PerfEventSpec Software(string name, ulong counter, PerfSampling sampling) =>
        new(name, PerfEventType.Software, counter, sampling);

    /// <summary>A hardware counter (<see cref="PerfHardwareCounter"/>); often missing in virtual machines.</summary>
    public static PerfEventSpec Hardware(string name, ulong counter, PerfSampling sampling) =>
        new(name, PerfEventType.Hardware, counter, sampling);
}
