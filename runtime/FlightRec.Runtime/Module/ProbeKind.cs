namespace FlightRec.Runtime.Module;

/// <summary>How the host runs a probe: in the session's begin/end/error phases, never, or on events.</summary>
public enum ProbeKind
{
    Begin,
    End,
    Error,
    Never,
    Event,
}
