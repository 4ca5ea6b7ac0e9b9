namespace FlightRec.Runtime.Providers.Perf;

/// <summary>How often an event writes a sample: every N events (or N clock nanoseconds), or N times a second.</summary>
public readonly record struct PerfSampling
{
    private PerfSampling(ulong value, bool isFrequency)
    {
        Value = value;
        IsFrequency = isFrequency;
    }

    /// <summary>Every occurrence: what tracepoints use.</summary>
    public static PerfSampling EveryEvent => new(1, false);

    public ulong Value { get; }

    public bool IsFrequency { get; }

    /// <summary>One sample every <paramref name="events"/> events; for cpu-clock/task-clock, every that many nanoseconds.</summary>
    public static PerfSampling Period(ulong events) =>
        events > 0 ? new(events, false) : throw new ArgumentOutOfRangeException(nameof(events), "a sample period must be at least 1");

    /// <summary>About <paramref name="hertz"/> samples a second (the kernel adjusts the period).</summary>
    public static PerfSampling Frequency(ulong hertz) =>
        hertz > 0 ? new(hertz, true) : throw new ArgumentOutOfRangeException(nameof(hertz), "a sample frequency must be at least 1 Hz");
}
