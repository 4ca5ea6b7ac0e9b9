namespace FlightRec.Runtime.Linux;

/// <summary>PERF_RECORD_* values of perf_event_header.type.</summary>
public static class PerfRecordType
{
    public const uint Mmap = 1;
    public const uint Lost = 2;
    public const uint Comm = 3;
    public const uint Exit = 4;
    public const uint Throttle = 5;
    public const uint Unthrottle = 6;
    public const uint Fork = 7;
    public const uint Read = 8;
    public const uint Sample = 9;
}
