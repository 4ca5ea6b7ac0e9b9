namespace FlightRec.Runtime.Transport;

/// <summary>The life cycle of a host as recorded in its session header (a dead host leaves its last state).</summary>
public enum HostState
{
    Starting = 0,
    Running = 1,
    Stopping = 2,
    Exited = 3,
    Failed = 4,
}
