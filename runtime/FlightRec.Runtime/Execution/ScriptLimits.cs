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

    /// <summary>MAPHASHBIAS: hash-table sizing; performance only.</summary>
    public int MapHashBias { get; init; }

    /// <summary>MINSTACKSPACE: a kernel stack check stap makes; kept for -D compatibility, not enforced.</summary>
    public int MinStackSpace { get; init; } = 1024;

    public int MaxBacktrace { get; init; } = 20;

    /// <summary>STP_OVERLOAD_THRESHOLD, in nanoseconds of handler time per interval (stap counts cycles).</summary>
    public long OverloadThreshold { get; init; } = 500_000_000;

    /// <summary>STP_OVERLOAD_INTERVAL, in nanoseconds.</summary>
    public long OverloadInterval { get; init; } = 1_000_000_000;

    /// <summary>STP_NO_OVERLOAD: overload detection is off.</summary>
    public bool NoOverload { get; init; }

    /// <summary>The statement budget of one probe hit.</summary>
    public long ActionBudget => Interruptible ? MaxActionInterruptible : MaxAction;

    public static ScriptLimits Default { get; } = new();

    /// <summary>The -D names that set a limit (their values must be integers); other names are plain C macros to stap.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "MAXSTRINGLEN", "MAXACTION", "MAXACTION_INTERRUPTIBLE", "INTERRUPTIBLE", "MAXNESTING", "MAXMAPENTRIES",
        "MAXERRORS", "MAXSKIPPED", "MAXTRYLOCK", "TRYLOCKDELAY", "STP_MAX_BUCKETS", "HIST_WIDTH", "HIST_ELISION",
        "MAPHASHBIAS", "MINSTACKSPACE", "MAXBACKTRACE", "STP_OVERLOAD_THRESHOLD", "STP_OVERLOAD_INTERVAL", "STP_NO_OVERLOAD",
    };

    /// <summary>
    /// The limits after <c>-D NAME[=VALUE]</c> settings (already checked against stap's safety
    /// pattern). As in stap, MAXACTION alone also sets MAXACTION_INTERRUPTIBLE to ten times
    /// its value; names that are not limits are other C macros and are ignored here.
    /// </summary>
    public ScriptLimits With(IEnumerable<string> defines)
    {
        var limits = this;
        bool interruptibleSet = false;
        long? maxAction = null;
        foreach (string define in defines)
        {
            int eq = define.IndexOf('=');
            string name = (eq < 0 ? define : define[..eq]).ToUpperInvariant();
            if (!Names.Contains(name))
            {
                continue;
            }

            long value = eq < 0 ? 1 : long.Parse(define.AsSpan(eq + 1), System.Globalization.CultureInfo.InvariantCulture);
            int small = (int)Math.Clamp(value, int.MinValue, int.MaxValue);
            switch (name)
            {
                case "MAXSTRINGLEN": limits = limits with { MaxStringLength = small }; break;
                case "MAXACTION": maxAction = value; limits = limits with { MaxAction = value }; break;
                case "MAXACTION_INTERRUPTIBLE": interruptibleSet = true; limits = limits with { MaxActionInterruptible = value }; break;
                case "INTERRUPTIBLE": limits = limits with { Interruptible = value != 0 }; break;
                case "MAXNESTING": limits = limits with { MaxNesting = small }; break;
                case "MAXMAPENTRIES": limits = limits with { MaxMapEntries = small }; break;
                case "MAXERRORS": limits = limits with { MaxErrors = small }; break;
                case "MAXSKIPPED": limits = limits with { MaxSkipped = small }; break;
                case "MAXTRYLOCK": limits = limits with { MaxTryLock = small }; break;
                case "TRYLOCKDELAY": limits = limits with { TryLockDelay = small }; break;
                case "STP_MAX_BUCKETS": limits = limits with { MaxBuckets = small }; break;
                case "HIST_WIDTH": limits = limits with { HistogramWidth = small }; break;
                case "HIST_ELISION": limits = limits with { HistogramElision = small }; break;
                case "MAPHASHBIAS": limits = limits with { MapHashBias = small }; break;
                case "MINSTACKSPACE": limits = limits with { MinStackSpace = small }; break;
                case "MAXBACKTRACE": limits = limits with { MaxBacktrace = small }; break;
                case "STP_OVERLOAD_THRESHOLD": limits = limits with { OverloadThreshold = value }; break;
                case "STP_OVERLOAD_INTERVAL": limits = limits with { OverloadInterval = value }; break;
                case "STP_NO_OVERLOAD": limits = limits with { NoOverload = true }; break;
            }
        }

        if (maxAction is { } n && !interruptibleSet)
        {
            limits = limits with { MaxActionInterruptible = n * 10 };
        }

        return limits;
    }
}
