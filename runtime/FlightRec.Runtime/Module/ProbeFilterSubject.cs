namespace FlightRec.Runtime.Module;

/// <summary>What a <see cref="ProbeEventFilter"/> compares: pid(), tid() or execname() of the event's task, or a field of its record.</summary>
public enum ProbeFilterSubject
{
    ProcessId,
    ThreadId,
    ExecName,

    /// <summary>The integer field named by <see cref="ProbeEventFilter.Text"/> (<c>$fd == 3</c>).</summary>
    Field,
}
