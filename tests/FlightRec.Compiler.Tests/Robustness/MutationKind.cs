namespace FlightRec.Compiler.Tests.Robustness;

/// <summary>
/// What one mutation does. Token-level kinds act on the lexer's tokens; the character-level
/// kinds act on the rebuilt text, to reach states no token sequence can (a file cut inside a
/// string, an unclosed <c>%{</c>).
/// </summary>
internal enum MutationKind
{
    DropToken,
    DuplicateToken,
    SwapTokens,
    InsertToken,
    CutText,
    InsertText,
}
