using Antlr4.Runtime;

namespace FlightRec.Compiler.Parsing.Generated;

/// <summary>The semantic predicates the grammar needs: facts about whitespace and token text.</summary>
public abstract class FrsParserBase(ITokenStream input, TextWriter output, TextWriter errorOutput)
    : Parser(input, output, errorOutput)
{
    /// <summary>
    /// <c>--compatible</c> below 4.0: a ternary's false branch is a whole expression, assignments included
    /// (stap's parse_ternary before 4.0).
    /// </summary>
    public bool LegacyTernaryFalseBranch { get; init; }

    /// <summary>Probe-point name pieces join only when nothing separates them (<c>a*b</c>, not <c>a *b</c>).</summary>
    protected bool NextIsAdjacent() => TokenStream.LT(1) is FrsToken { SpaceBefore: false };

    /// <summary>A trailing <c>$</c> or <c>$$</c> asks to pretty-print a target expression.</summary>
    protected bool NextIsDollarsOnly()
    {
        var text = TokenStream.LT(1).Text;
        return text.Length > 0 && text.AsSpan().Trim('$').IsEmpty;
    }
}
