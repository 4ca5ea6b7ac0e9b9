using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

/// <summary>Makes the lexer produce <see cref="FrsToken"/>s that know their file.</summary>
internal sealed class FrsTokenFactory(SourceFile file) : ITokenFactory
{
    public IToken Create(Tuple<ITokenSource, ICharStream> source, int type, string text, int channel, int start,
        int stop, int line, int charPositionInLine)
    {
        // Read the text from the lexer's own input: spliced arguments are lexed from their own text.
        text ??= start <= stop ? source.Item2.GetText(Interval.Of(start, stop)) : "";
        return new FrsToken(type, text, file, start, stop, line, charPositionInLine) { Channel = channel };
    }

    public IToken Create(int type, string text) => new FrsToken(type, text, file, -1, -2, 0, 0);
}
