using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

// PLACEHOLDER owned by the preprocessor work: replaced by the real preprocessor.
internal sealed class Preprocessor(ParseOptions options, DiagnosticBag diagnostics)
{
    public ParseOptions Options { get; } = options;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public bool SawTokens { get; private set; }

    public List<FrsToken> Run(List<FrsToken> tokens)
    {
        SawTokens = tokens.Count > 1;
        return tokens;
    }
}
