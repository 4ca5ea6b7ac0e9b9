using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Compiler.Semantics;

/// <summary>
/// Names the token stap would blame for a node (<c>identifier 'x'</c>, <c>operator '+'</c>,
/// <c>number '5'</c>) and where it is. The tree keeps spans, not tokens, so an operator is
/// found again in the source text between its operands.
/// </summary>
public static class TokenDescriber
{
    public static (SourceSpan Span, string Token) Describe(Node node) => node switch
    {
        Variable v => (v.Span, Identifier(v.Name)),
        TargetVariable t => (t.Span, Identifier(t.Name)),
        ArrayIndex a => Describe(a.Base),
        FunctionCall f => (f.Span, Identifier(f.Name)),
        PrintCall p => (p.Span, Identifier(p.Name)),
        NumberLiteral n => (n.Span, $"number '{Text(n.Span)}'"),
        StringLiteral s => (s.Span, $"string '{Printable(s.Text)}'"),
        BinaryExpression b => Operator(b.Left.Span, b.Right.Span, b.Operator, b.Span),
        Assignment a => Operator(a.Target.Span, a.Value.Span, a.Operator, a.Span),
        RegexMatch r => Operator(r.Subject.Span, r.Pattern.Span, r.Negated ? "!~" : "=~", r.Span),
        TernaryExpression t => Operator(t.Condition.Span, t.WhenTrue.Span, "?", t.Span),
        ArrayMembership m => Describe(m.Index.Base),
        UnaryExpression u => (u.Span, $"operator '{u.Operator}'"),
        CrementExpression c when c.Prefix => (c.Span, $"operator '{c.Operator}'"),
        CrementExpression c => Operator(c.Operand.Span, c.Span with { Start = c.Span.End }, c.Operator, c.Span),
        StatisticExpression s => (s.Span, $"operator '@{s.Kind.ToString().ToLowerInvariant()}'"),
        HistogramExpression h => (h.Span, h.Linear ? "operator '@hist_linear'" : "operator '@hist_log'"),
        BreakStatement or ContinueStatement or NextStatement or ReturnStatement or DeleteStatement => (node.Span, "keyword"),
        _ => (node.Span, Fallback(node.Span)),
    };

    public static (SourceSpan Span, string Token) Component(ProbePointComponent component) =>
        (component.Span, Identifier(component.Name));

    public static string Identifier(string name) => $"identifier '{Printable(name)}'";

    private static (SourceSpan Span, string Token) Operator(SourceSpan left, SourceSpan right, string op, SourceSpan whole)
    {
        string text = whole.File.Text;
        int from = Math.Clamp(left.End, 0, text.Length);
        int to = Math.Clamp(Math.Max(right.Start, from), 0, text.Length);
        int at = text.IndexOf(op, from, to - from, StringComparison.Ordinal);
        if (at < 0)
        {
            return (whole, $"operator '{op}'");
        }

        return (At(whole, at), $"operator '{op}'");
    }

    /// <summary>A span starting at <paramref name="offset"/>, with its line and column recomputed.</summary>
    private static SourceSpan At(SourceSpan within, int offset)
    {
        string text = within.File.Text;
        int line = within.Line;
        int lineStart = within.Start - (within.Column - 1);
        for (int i = within.Start; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceSpan(within.File, offset, offset + 1, line, offset - lineStart + 1);
    }

    private static string Text(SourceSpan span)
    {
        string text = span.File.Text;
        int start = Math.Clamp(span.Start, 0, text.Length);
        int end = Math.Clamp(span.End, start, text.Length);
        return Printable(text[start..end]);
    }

    private static string Fallback(SourceSpan span)
    {
        string text = Text(span);
        int length = 0;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] is '_' or '$' or '@'))
        {
            length++;
        }

        return length > 0 ? $"identifier '{text[..length]}'" : $"operator '{(text.Length > 0 ? text[..1] : "")}'";
    }

    private static string Printable(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] is < ' ' or > '~')
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
