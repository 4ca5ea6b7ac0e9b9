using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// A parse error found while building the tree (duplicate names, misplaced embedded
/// code, bad literals …). Like stap's parser, it abandons the current declaration.
/// </summary>
internal sealed class BuildErrorException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    /// <summary>An error about <paramref name="token"/> itself (stap's "at:").</summary>
    public static BuildErrorException At(string message, FrsToken token) =>
        new(Diagnostic.ParseError(message, token.Span, TokenNames.Describe(token), namesToken: true,
            chain: ExpansionChain.Of(token)));

    /// <summary>An error found on reaching <paramref name="token"/> (stap's "saw:").</summary>
    public static BuildErrorException Saw(string message, FrsToken token) =>
        new(Diagnostic.ParseError(message, token.Span, TokenNames.Describe(token), namesToken: false,
            chain: ExpansionChain.Of(token)));
}
