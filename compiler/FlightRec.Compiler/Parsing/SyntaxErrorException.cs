using Antlr4.Runtime;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// Ends the parse of one top-level declaration at the first syntax error. It is not a
/// RecognitionException, so the generated rules cannot swallow it and attempt ANTLR's
/// single-token repairs: like stap, we report the error and resynchronise at the next
/// declaration instead.
/// </summary>
internal sealed class SyntaxErrorException(RecognitionException cause, FrsToken offending)
    : Exception("syntax error", cause)
{
    public RecognitionException Cause { get; } = cause;

    public FrsToken Offending { get; } = offending;
}
