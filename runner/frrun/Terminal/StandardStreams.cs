namespace FlightRec.Runner.Terminal;

/// <summary>
/// frrun's stdio: text for messages and listings, and the raw stdout stream for script
/// output (bytes, never re-encoded). Tests substitute in-memory streams.
/// </summary>
internal sealed record StandardStreams(TextWriter Out, Stream OutBytes, TextWriter Error, bool ErrorIsTerminal)
{
    public static StandardStreams Process() => new(
        Console.Out,
        Console.OpenStandardOutput(),
        Console.Error,
        !Console.IsErrorRedirected);
}
