namespace FlightRec.Runtime.Linux;

/// <summary>PERF_TYPE_* values of perf_event_attr.type (include/uapi/linux/perf_event.h).</summary>
public static class PerfEventType
{
    public const uint Hardware = 0;
    public const uint Software = 1;
    public const uint Tracepoint = 2;
    public const uint HardwareCache = 3;
    public const uint Raw = 4;
    public const uint Breakpoint = 5;
}
