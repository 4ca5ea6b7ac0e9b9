namespace FlightRec.Runtime.Providers.Processes;

/// <summary>Which processes a <c>process….begin/end</c> probe is about.</summary>
public enum ProcessSelectorKind
{
    /// <summary><c>process.begin</c>: every process (the target's process tree under -c/-x).</summary>
    All,

    /// <summary><c>process("PATH").begin</c>: processes running the executable PATH.</summary>
    Path,

    /// <summary><c>process(PID).begin</c>: the one process PID, if it runs when the probes are armed.</summary>
    Pid,
}
