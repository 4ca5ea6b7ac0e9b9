namespace FlightRec.Conformance;

/// <summary>What one frstap process did. StartError is set when it could not be started at all.</summary>
internal sealed record ProcessOutcome(
    int ExitCode,
    bool TimedOut,
    TimeSpan Elapsed,
    byte[] Stdout,
    string Stderr,
    string? StartError = null);
