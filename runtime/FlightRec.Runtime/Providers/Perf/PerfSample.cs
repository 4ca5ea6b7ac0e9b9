namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// One PERF_RECORD_SAMPLE, decoded in place: <see cref="Raw"/> points into the ring (or the ring's
/// scratch buffer for a record that wrapped) and is valid only during the sink call.
/// </summary>
public readonly ref struct PerfSample
{
    public PerfSample(ulong id, int eventIndex, int pid, int tid, long timeNanoseconds, int cpu, ulong period, ReadOnlySpan<byte> raw)
    {
        Id = id;
        EventIndex = eventIndex;
        Pid = pid;
        Tid = tid;
        TimeNanoseconds = timeNanoseconds;
        Cpu = cpu;
        Period = period;
        Raw = raw;
    }

    /// <summary>The kernel's id of the event that fired (PERF_SAMPLE_IDENTIFIER).</summary>
    public ulong Id { get; }

    /// <summary>The index of the event's specification in the set that opened it; -1 if the id is not one of ours.</summary>
    public int EventIndex { get; }

    /// <summary>Process (thread-group) id of the task the event fired in; 0 or -1 for the idle task or interrupts.</summary>
    public int Pid { get; }

    public int Tid { get; }

    /// <summary>CLOCK_MONOTONIC nanoseconds, comparable with Stopwatch.GetTimestamp() on Linux.</summary>
    public long TimeNanoseconds { get; }

    public int Cpu { get; }

    /// <summary>The sample period: events (or clock nanoseconds) this sample stands for.</summary>
    public ulong Period { get; }

    /// <summary>
    /// PERF_SAMPLE_RAW data. For a tracepoint: the trace entry, common_* fields first, then the
    /// event's fields at the offsets of its tracefs format file (plus padding to 8 bytes).
    /// For other events the kernel writes 4 zero bytes.
    /// </summary>
    public ReadOnlySpan<byte> Raw { get; }
}
