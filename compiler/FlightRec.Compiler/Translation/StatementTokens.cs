using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Translation;

/// <summary>
/// The token stap's parser gives a statement, which MAXACTION errors name: the keyword of
/// if/for/while/foreach/try/return/…, the <c>{</c> of a block, the <c>;</c> of a null statement,
/// and for an expression statement the first token of the expression (stap peeks at it before
/// parsing), whatever that expression's own token is.
/// </summary>
internal static class StatementTokens
{
    // Longest first: the lexer takes the longest operator that matches.
    private static readonly string[] Operators =
    [
        "<<<", ">>>=", ">>>", "<<=", ">>=", "...", "++", "--", "<<", ">>", "==", "!=", "<=", ">=", "&&", "||",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ".=", "->", "=~", "!~",
    ];

    public static string Near(Statement statement) => CSharpText.Near(Describe(statement));

    public static (SourceSpan Span, string Token) Describe(Statement statement) => statement switch
    {
        ExpressionStatement e => FirstToken(e.Span),
        Block or NullStatement => FirstToken(statement.Span),
        _ => (Point(statement.Span), "keyword"),
    };

    /// <summary>The token that starts at <paramref name="span"/>, described as stap's lexer would.</summary>
    public static (SourceSpan Span, string Token) FirstToken(SourceSpan span)
    {
        string text = span.File.Text;
        int at = Math.Clamp(span.Start, 0, text.Length);
        if (at >= text.Length)
        {
            return (span, "operator ''");
        }

        char first = text[at];
        if (char.IsAsciiLetter(first) || first is '_' or '$' or '@')
        {
            int end = at + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '$'))
            {
                end++;
            }

            string word = text[at..end];
            return (Point(span), first == '@' ? $"operator '{word}'" : $"identifier '{word}'");
        }

        if (char.IsAsciiDigit(first))
        {
            int end = at + 1;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            return (Point(span), $"number '{text[at..end]}'");
        }

        if (first == '"')
        {
            int end = at + 1;
            while (end < text.Length && text[end] != '"')
            {
                end += text[end] == '\\' ? 2 : 1;
            }

            return (Point(span), $"string '{text[(at + 1)..Math.Min(end, text.Length)]}'");
        }

        string op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, at, o, 0, o.Length) == 0) ?? first.ToString();
        return (Point(span), $"operator '{op}'");
    }

    private static SourceSpan Point(SourceSpan span) => span with { End = span.Start + 1 };
}
