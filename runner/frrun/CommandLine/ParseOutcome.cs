namespace FlightRec.Runner.CommandLine;

/// <summary>
/// The result of reading the command line: options to act on, or what to print before
/// exiting (an error line, the usage text on stdout as staprun prints it, the version).
/// </summary>
internal sealed record ParseOutcome
{
    public FrrunOptions? Options { get; private init; }

    public int ExitCode { get; private init; }

    /// <summary>The error for stderr, without the "ERROR: " tag.</summary>
    public string? Error { get; private init; }

    /// <summary>True for frrun's own diagnostics ("ERROR: …"); getopt's lines are printed untagged.</summary>
    public bool ErrorIsTagged { get; private init; }

    public bool PrintUsage { get; private init; }

    public bool PrintVersion { get; private init; }

    public static ParseOutcome Run(FrrunOptions options) => new() { Options = options };

    public static ParseOutcome Help() => new() { PrintUsage = true };

    public static ParseOutcome Version() => new() { PrintVersion = true };

    /// <summary>An error followed by the usage text, exit status 1 (staprun's err() + usage()).</summary>
    public static ParseOutcome UsageError(string error) =>
        new() { Error = error, ErrorIsTagged = true, PrintUsage = true, ExitCode = 1 };

    /// <summary>An error on its own, exit status 1.</summary>
    public static ParseOutcome Failure(string error) => new() { Error = error, ErrorIsTagged = true, ExitCode = 1 };

    /// <summary>getopt's own message (no tag) and the usage text.</summary>
    public static ParseOutcome GetOptError(string line) => new() { Error = line, PrintUsage = true, ExitCode = 1 };
}
