namespace FlightRec.Runtime.Providers;

/// <summary>
/// A probe the host could not attach when it started, reported as stap reports a failed module
/// registration (LANGUAGE.md §8, start-up order: rc = −errno), followed by the reason in user terms.
/// </summary>
public sealed class ProbeRegistrationException(string point, int errno, string reason, Exception? inner = null)
    : Exception($"probe {point} registration error [man warning::pass5] (rc {-errno}): {reason}", inner)
{
    public string Point { get; } = point;

    public int Errno { get; } = errno;
}
