namespace FlightRec.Runtime.Module;

/// <summary>What a <see cref="ProbeEventFilter"/> compares: pid(), tid() or execname() of the event's task.</summary>
public enum ProbeFilterSubject
{
    ProcessId,
    ThreadId,
    ExecName,
}
