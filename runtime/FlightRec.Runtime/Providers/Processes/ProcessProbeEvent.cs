namespace FlightRec.Runtime.Providers.Processes;

/// <summary>What happened to a process for its probe to fire: the last component of the point.</summary>
public enum ProcessProbeEvent
{
    /// <summary><c>.begin</c>: the process (or its new image) began, or ran at startup.</summary>
    Begin,

    /// <summary><c>.end</c>: the process exited, or its image ended at an exec.</summary>
    End,

    /// <summary><c>.exec</c> (FlightRec): the process exec'd; the handler sees the new image.</summary>
    Exec,
}
