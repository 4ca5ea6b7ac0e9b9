namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>What a <see cref="BpfCaptureFilter"/> looks at.</summary>
public enum BpfCaptureFilterKind
{
    /// <summary>The process id (thread group id, what getpid returns).</summary>
    ProcessId,

    /// <summary>The thread id (what gettid returns).</summary>
    ThreadId,

    /// <summary>The task's command name (comm, at most 15 bytes).</summary>
    Comm,

    /// <summary>An integer field of the tracepoint record.</summary>
    IntegerField,
}
