namespace FlightRec.Runtime.Formatting;

/// <summary>
/// The outcome of <see cref="FormatString.Parse"/>: a compiled format, or the message the
/// compiler reports as a parse error at the format literal.
/// </summary>
public readonly record struct FormatParseResult(CompiledFormat? Format, string? Error)
{
    public bool Success => Format is not null;
}
