namespace FlightRec.Runtime.Providers.Perf;

/// <summary>An event of a <see cref="PerfEventSet"/> could not be opened or controlled; the message says why in user terms.</summary>
public sealed class PerfEventException : Exception
{
    public PerfEventException(string message, int errno, Exception? inner = null)
        : base(message, inner)
    {
        Errno = errno;
    }

    /// <summary>The errno of the failed call (0 when the failure was not a system call's).</summary>
    public int Errno { get; }

    /// <summary>The <see cref="PerfEventSpec.Name"/> of the event that failed to open; null when no one event did.</summary>
    public string? EventName { get; init; }
}
