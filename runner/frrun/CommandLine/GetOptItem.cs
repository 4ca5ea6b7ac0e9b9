namespace FlightRec.Runner.CommandLine;

/// <summary>
/// One step of getopt: an option (its key and argument, if it takes one) or the error line
/// glibc's getopt prints for a malformed option, with which parsing stops.
/// </summary>
internal readonly record struct GetOptItem(string Key, string? Argument, string? Error)
{
    public static GetOptItem Option(string key, string? argument) => new(key, argument, null);

    public static GetOptItem Failure(string error) => new("", null, error);

    public bool IsError => Error is not null;
}
