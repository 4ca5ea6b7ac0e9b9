using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Where a foreach names its value or key variable. The syntax tree keeps only the names, but stap
/// points its messages at them (<c>foreach (val = key in a)</c>: 'val' at its own column), so the
/// name is found again in the source text after the <c>foreach</c> keyword.
/// </summary>
internal static class ForeachNames
{
    public static (SourceSpan Span, string Token) Describe(ForeachStatement fe, string name) =>
        (Find(fe, name), TokenDescriber.Identifier(name));

    private static SourceSpan Find(ForeachStatement fe, string name)
    {
        string text = fe.Span.File.Text;
        int limit = Math.Min(text.Length, fe.Span.End);
        int from = fe.Span.Start + "foreach".Length;
        if (fe.Span.Start < 0 || from > limit)
        {
            return fe.Span;
        }

        for (int at = text.IndexOf(name, from, limit - from, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(name, at + 1, limit - at - 1, StringComparison.Ordinal))
        {
            if (IsWordAt(text, at, name.Length))
            {
                return SpanAt(fe.Span, at, name.Length);
            }
        }

        return fe.Span;
    }

    private static bool IsWordAt(string text, int at, int length) =>
        (at == 0 || !IsNameChar(text[at - 1])) && (at + length >= text.Length || !IsNameChar(text[at + length]));

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '@';

    private static SourceSpan SpanAt(SourceSpan statement, int at, int length)
    {
        int line = statement.Line;
        int column = statement.Column;
        for (int i = statement.Start; i < at; i++)
        {
            if (statement.File.Text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourceSpan(statement.File, at, at + length, line, column);
    }
}
