using Antlr4.Runtime;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

/// <summary>Makes the lexer produce <see cref="FrsToken"/>s that know their file.</summary>
internal sealed class FrsTokenFactory(SourceFile file) : ITokenFactory
{
    public IToken Create(Tuple<ITokenSource, ICharStream> source, int type, string text, int channel, int start,
        int stop, int line, int charPositionInLine)
    {
        text ??= start <= stop && stop < file.Text.Length ? file.Text.Substring(start, stop - start + 1) : "";
        return new FrsToken(type, text, file, start, stop, line, charPositionInLine) { Channel = channel };
    }

    public IToken Create(int type, string text) => new FrsToken(type, text, file, -1, -2, 0, 0);
}
