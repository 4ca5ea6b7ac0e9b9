namespace FlightRec.Runtime.Providers.Perf;

/// <summary>How a <see cref="PerfEventSet"/> opens its events and sizes its rings.</summary>
public sealed record PerfEventSetOptions
{
    /// <summary>Data pages of each CPU's ring (a power of two; the ring maps one more page for metadata).</summary>
    public int RingDataPages { get; init; } = 64;

    /// <summary>
    /// Bytes written to a ring before its descriptor polls readable, so the consumer is woken once
    /// per batch, not per event. Null: a quarter of the ring.
    /// </summary>
    public int? WakeupWatermarkBytes { get; init; }

    /// <summary>Only this task (a thread id; the main thread's id is the process id). Null: every task on each CPU.</summary>
    public int? TaskId { get; init; }

    /// <summary>With <see cref="TaskId"/>: also the threads and processes it creates from now on.</summary>
    public bool Inherit { get; init; }

    /// <summary>The CPUs to open on. Null: the online CPUs (/sys/devices/system/cpu/online).</summary>
    public IReadOnlyList<int>? Cpus { get; init; }
}
