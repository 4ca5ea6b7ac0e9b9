using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Context;

/// <summary>
/// Everything a handler may ask about the event that fired it (LANGUAGE.md §8.3, §9.5) plus the
/// per-handler scratch state of the tapset (last regex match, tokenize scan). The host fills one
/// per handler thread and reuses it for every hit (<see cref="BeginHit"/>); tests construct it
/// directly with object initialisers. Ids are longs because script values are longs.
/// </summary>
public sealed class ProbeContext
{
    public ScriptLimits Limits { get; set; } = ScriptLimits.Default;

    /// <summary>Where log() and the print family write; null when the handler has no output.</summary>
    public OutputBuffer? Output { get; set; }

    public ISessionControl? Session { get; set; }

    public IScriptClock Clock { get; set; } = SystemScriptClock.Default;

    public IProcessInfo ProcessInfo { get; set; } = ProcFsProcessInfo.Instance;

    /// <summary>The session-wide thread_indent()/indent() counters (tapset globals in stap).</summary>
    public IndentBookkeeping Indent { get; set; } = new();

    public long Cpu { get; set; }

    public long Pid { get; set; }

    public long Tid { get; set; }

    public long Ppid { get; set; }

    public long Uid { get; set; }

    public long Euid { get; set; }

    public long Gid { get; set; }

    public long Egid { get; set; }

    /// <summary>
    /// Set while a kernel-event stream handles its events: ppid(), uid(), euid(), gid() and egid()
    /// then describe the event's task (<see cref="Pid"/>) through it, not the properties above.
    /// </summary>
    public ITaskIdentitySource? EventTask { get; set; }

    /// <summary>
    /// Set by a stream whose events carry the task's real uid and gid (the eBPF capture): uid() and
    /// gid() then read <see cref="Uid"/> and <see cref="Gid"/>, taken at the event, not /proc's later view.
    /// </summary>
    public bool EventIdsCaptured { get; set; }

    /// <summary>The task's comm (at most 15 bytes).</summary>
    public string ExecName { get; set; } = "";

    public string ParentExecName { get; set; } = "";

    /// <summary>The resolved probe point, pp().</summary>
    public string ProbePoint { get; set; } = "";

    /// <summary>The probe point as written or aliased, pn(); null means "same as pp()" as in stap.</summary>
    public string? ProbeName { get; set; }

    public bool IsReturn { get; set; }

    public bool UserMode { get; set; }

    public bool RegistersValid { get; set; }

    /// <summary>Kernel instruction pointer of the event, 0 if none.</summary>
    public long Addr { get; set; }

    /// <summary>User instruction pointer of the event, 0 if none.</summary>
    public long UAddr { get; set; }

    /// <summary>The -x PID or the -c command's pid, 0 if none.</summary>
    public long TargetPid { get; set; }

    public string ModuleName { get; set; } = "";

    /// <summary>The pid of frrun (stp_pid()).</summary>
    public long RunnerPid { get; set; }

    /// <summary>Event timestamp (CLOCK_MONOTONIC ns) as delivered by the provider, 0 if none.</summary>
    public long TimestampNanoseconds { get; set; }

    /// <summary>The tracepoint record being handled (kernel.trace and the tapsets over it); null for other probes.</summary>
    public TracepointEvent? Event { get; set; }

    public RegexMatchState LastMatch { get; } = new();

    public TokenizeState Tokenizer { get; } = new();

    /// <summary>
    /// The memory of the process that caused the event (process_vm_readv in the host). Null in
    /// begin/end/timer probes, where there is no such process: every user-memory read faults.
    /// </summary>
    public Formatting.IMemoryReader? UserMemory { get; set; }

    /// <summary>Clears the per-handler scratch state before a handler runs.</summary>
    public void BeginHit()
    {
        LastMatch.Reset();
        Tokenizer.Reset();
    }
}
