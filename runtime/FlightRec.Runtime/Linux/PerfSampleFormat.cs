namespace FlightRec.Runtime.Linux;

/// <summary>PERF_SAMPLE_* bits of perf_event_attr.sample_type.</summary>
public static class PerfSampleFormat
{
    public const ulong Ip = 1UL << 0;
    public const ulong Tid = 1UL << 1;
    public const ulong Time = 1UL << 2;
    public const ulong Addr = 1UL << 3;
    public const ulong Read = 1UL << 4;
    public const ulong Callchain = 1UL << 5;
    public const ulong Id = 1UL << 6;
    public const ulong Cpu = 1UL << 7;
    public const ulong Period = 1UL << 8;
    public const ulong StreamId = 1UL << 9;
    public const ulong Raw = 1UL << 10;
    public const ulong Identifier = 1UL << 16;
}
