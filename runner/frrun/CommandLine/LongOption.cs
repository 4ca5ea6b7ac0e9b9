namespace FlightRec.Runner.CommandLine;

/// <summary>A <c>--name</c> option; <paramref name="Key"/> is what the parser reports for it (a short letter when it has one).</summary>
internal sealed record LongOption(string Name, bool TakesArgument, string Key);
