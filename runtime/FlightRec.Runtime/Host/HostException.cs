namespace FlightRec.Runtime.Host;

/// <summary>A failure the host reports as one line, <c>ERROR: </c> + <see cref="Exception.Message"/>, and exit status 1.</summary>
public sealed class HostException(string message) : Exception(message);
