namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// tracefs could not give what was asked (not mounted, not readable, no such tracepoint, a
/// format file we cannot parse); the message is one sentence for the user, without "ERROR: ".
/// </summary>
public sealed class TracefsException : Exception
{
    public TracefsException(string message)
        : base(message)
    {
    }

    public TracefsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
