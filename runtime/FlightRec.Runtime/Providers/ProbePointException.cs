namespace FlightRec.Runtime.Providers;

/// <summary>A probe point the host cannot arm; the message is the user-facing line without "ERROR: ".</summary>
public sealed class ProbePointException(string point, string reason)
    : Exception($"probe point {point}: {reason}")
{
    public string Point { get; } = point;

    /// <summary>The reason alone, worded as stap words it at pass 2.</summary>
    public string Reason { get; } = reason;
}
