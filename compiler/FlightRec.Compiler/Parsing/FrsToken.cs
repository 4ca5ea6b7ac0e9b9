using Antlr4.Runtime;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Parsing;

/// <summary>
/// An ANTLR token that remembers what stap's lexer remembers: its file, whether
/// whitespace or a comment came before it (probe-point pieces must be adjacent), the
/// macro invocation or argument it was expanded from, and why it is junk.
/// </summary>
internal sealed class FrsToken : CommonToken
{
    public FrsToken(int type, string text, SourceFile file, int start, int stop, int line, int column)
        : base(type, text)
    {
        File = file;
        StartIndex = start;
        StopIndex = stop;
        Line = line;
        Column = column;
    }

    public SourceFile File { get; }

    public bool SpaceBefore { get; set; }

    /// <summary>The macro invocation or command-line argument this token was expanded from.</summary>
    public FrsToken? ExpandedFrom { get; set; }

    /// <summary>For junk tokens with a known cause, the message stap prints for them.</summary>
    public string? JunkMessage { get; set; }

    public SourceSpan Span => new(File, StartIndex, StopIndex + 1, Line, Column + 1);

    /// <summary>A copy at the same place with another type and text (for spliced and retyped tokens).</summary>
    public FrsToken With(int type, string text) =>
        new(type, text, File, StartIndex, StopIndex, Line, Column)
        {
            SpaceBefore = SpaceBefore,
            ExpandedFrom = ExpandedFrom,
            JunkMessage = JunkMessage,
        };

    /// <summary>A copy placed where <paramref name="site"/> is, remembering that site.</summary>
    public FrsToken ExpandedAt(FrsToken site, bool spaceBefore) =>
        new(Type, Text, File, StartIndex, StopIndex, Line, Column)
        {
            SpaceBefore = spaceBefore,
            ExpandedFrom = site,
            JunkMessage = JunkMessage,
        };

    public override string ToString() => $"{Text}@{Line}:{Column + 1}";
}
