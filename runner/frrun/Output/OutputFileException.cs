namespace FlightRec.Runner.Output;

/// <summary>An output file could not be named, opened or written; the message is the user-facing text after "ERROR: ".</summary>
internal sealed class OutputFileException(string message) : Exception(message);
