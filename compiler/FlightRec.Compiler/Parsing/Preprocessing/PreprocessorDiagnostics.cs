using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing.Generated;

namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>Builds preprocessor messages in stap's shape.</summary>
internal static class PreprocessorDiagnostics
{
    /// <summary>
    /// An error about <paramref name="token"/> itself (stap's "at:"), or, with
    /// <paramref name="namesToken"/> false, one found at it (stap's "saw:"). As in stap, a
    /// junk token's own message (e.g. "command line argument out of range [1-0]") replaces
    /// the message, because the lexer's complaint explains the error better.
    /// </summary>
    public static Diagnostic Error(string message, FrsToken token, bool namesToken = true)
    {
        if (token.JunkMessage is { } junk)
        {
            message = junk;
            namesToken = true;
        }

        return Diagnostic.ParseError(message, token.Span, TokenNames.Describe(token), namesToken,
            Parsing.ExpansionChain.Of(token));
    }

    /// <summary>An error at the end of a file, before the parser saw any token ("saw: F EOF").</summary>
    public static Diagnostic AtEnd(string message, SourceFile file) =>
        Diagnostic.ParseError(message, null, file.Name + " EOF");

    /// <summary>A warning about <paramref name="token"/>, e.g. a macro named like a built-in.</summary>
    public static Diagnostic Warning(string message, FrsToken token) =>
        Diagnostic.Warning(message, token.Span, TokenNames.Describe(token));
}
