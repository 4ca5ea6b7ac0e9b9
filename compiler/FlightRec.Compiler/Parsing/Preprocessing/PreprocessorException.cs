using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing.Preprocessing;

/// <summary>
/// A preprocessing error, thrown from deep inside macro expansion or condition
/// evaluation and caught where stap catches it: at the top of the pass (which stops
/// there) or while skipping an unselected branch (where errors are ignored).
/// </summary>
internal sealed class PreprocessorException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(diagnostics[0].Message)
{
    public PreprocessorException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>The error, followed by any notes such as "macro '@x' first defined here".</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
