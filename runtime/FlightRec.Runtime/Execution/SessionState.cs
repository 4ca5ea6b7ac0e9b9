namespace FlightRec.Runtime.Execution;

/// <summary>A session's life (LANGUAGE.md §5.8): begin probes run while Starting, events while Running.</summary>
public enum SessionState
{
    Starting,
    Running,
    Stopping,
    Error,
    Stopped,
}
