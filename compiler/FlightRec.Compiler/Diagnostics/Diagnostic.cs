namespace FlightRec.Compiler.Diagnostics;

/// <summary>
/// One message for the user, in SystemTap's shape. <see cref="Kind"/> is the prefix
/// ("parse error", "semantic error", "WARNING"); <see cref="Token"/> describes the token
/// the message is about, e.g. <c>keyword</c> or <c>identifier 'x'</c>; <see cref="NamesToken"/>
/// chooses stap's "at:" (the error is about that token) over "saw:" (it was found instead
/// of what was expected).
/// </summary>
public sealed record Diagnostic(
    Severity Severity,
    string Kind,
    string Message,
    SourceSpan? Span,
    string? Token = null,
    bool NamesToken = false,
    IReadOnlyList<ExpansionSite>? ExpansionChain = null)
{
    public static Diagnostic ParseError(string message, SourceSpan? span, string? token, bool namesToken = false,
        IReadOnlyList<ExpansionSite>? chain = null) =>
        new(Severity.Error, "parse error", message, span, token, namesToken, chain);

    /// <summary>stap's "semantic error: MESSAGE: TOKEN at FILE:LINE:COL" with source and caret.</summary>
    public static Diagnostic Semantic(string message, SourceSpan? span = null, string? token = null) =>
        new(Severity.Error, SemanticKind, message, span, token, NamesToken: true);

    public static Diagnostic Warning(string message, SourceSpan? span = null, string? token = null) =>
        new(Severity.Warning, "WARNING", message, span, token);

    /// <summary>A message that stands alone, such as "Input file 'x' is empty.".</summary>
    public static Diagnostic Plain(string message) => new(Severity.Error, "", message, null);

    /// <summary>stap's second token (tok2), printed after the first with its own source line.</summary>
    public (SourceSpan Span, string Token)? Second { get; init; }

    public const string SemanticKind = "semantic error";

    public bool IsError => Severity == Severity.Error;
}
