namespace FlightRec.Runtime.Execution;

/// <summary>
/// SystemTap's limits with their defaults (LANGUAGE.md §5.14); each can be set at build time
/// with <c>-D NAME=VALUE</c>. <see cref="MaxNesting"/> has no fixed default: the compiler
/// computes it from the script's call graph.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>String buffer size including the terminator: strings hold at most MaxStringLength − 1 bytes.</summary>
    public int MaxStringLength { get; init; } = 512;

    public long MaxAction { get; init; } = 1000;

    public long MaxActionInterruptible { get; init; } = 10_000;

    public bool Interruptible { get; init; } = true;

    public int MaxNesting { get; init; } = 10;

    public int MaxMapEntries { get; init; } = 2048;

    public int MaxErrors { get; init; }

    public int MaxSkipped { get; init; } = 100;

    public int MaxTryLock { get; init; } = 100;

    /// <summary>Microseconds between lock attempts.</summary>
    public int TryLockDelay { get; init; } = 10;

    public int MaxBuckets { get; init; } = 128;

    public int HistogramWidth { get; init; } = 50;

    public int HistogramElision { get; init; } = 2;

    /// <summary>Bytes one handler may print before its buffer is flushed (STP_BUFFER_SIZE).</summary>
    public int BufferSize { get; init; } = 8192;

    /// <summary>The statement budget of one probe hit.</summary>
    public long ActionBudget => Interruptible ? MaxActionInterruptible : MaxAction;

    public static ScriptLimits Default { get; } = new();
}
