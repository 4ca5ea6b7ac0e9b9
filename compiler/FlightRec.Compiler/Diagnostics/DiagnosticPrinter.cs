using System.Text;

namespace FlightRec.Compiler.Diagnostics;

/// <summary>
/// Renders diagnostics exactly as stap prints them:
/// <code>
/// parse error: expected ')'
///         saw: operator '}' at t.frs:3:9
///      source:     x = (1 + 2 }
///                              ^
/// </code>
/// followed by an empty line. Like stap, a location whose file is the same as the
/// previous location printed omits the file name (<c>at :3:9</c>).
/// </summary>
public sealed class DiagnosticPrinter
{
    private const string Align = "     ";
    private const string SemanticAlign = "        ";
    private string? _lastFile;

    public string Format(Diagnostic d)
    {
        var sb = new StringBuilder();
        if (d.Kind.Length == 0)
        {
            sb.Append(d.Message).Append('\n');
            return sb.ToString();
        }

        sb.Append(d.Kind).Append(": ").Append(d.Message);
        if (d.Kind == Diagnostic.SemanticKind)
        {
            AppendSemantic(sb, d);
            return sb.ToString();
        }

        if (d.Severity == Severity.Warning)
        {
            if (d.Span is { } ws && d.Token is not null)
            {
                sb.Append(": ").Append(d.Token).Append(" at ").Append(Location(ws));
            }

            sb.Append('\n');
            if (d.Span is { } wspan)
            {
                AppendSource(sb, " ", wspan);
            }

            return sb.ToString();
        }

        sb.Append('\n');
        if (d.Span is { } span)
        {
            sb.Append(Align).Append(d.NamesToken ? "    at: " : "   saw: ");
            sb.Append(d.Token ?? "token").Append(" at ").Append(Location(span)).Append('\n');
            AppendSource(sb, Align, span);
            if (d.ExpansionChain is { } chain)
            {
                foreach (var site in chain)
                {
                    sb.Append("\tin expansion of macro: ").Append(site.Token).Append(" at ").Append(Location(site.Span))
                        .Append('\n');
                    AppendSource(sb, Align, site.Span);
                }
            }
        }
        else if (d.Token is not null)
        {
            sb.Append(Align).Append("   saw: ").Append(d.Token).Append('\n');
        }

        sb.Append('\n');
        return sb.ToString();
    }

    public void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            writer.Write(Format(d));
        }
    }

    // stap's build_error_msg: the token on the message line, then source and caret aligned
    // under "semantic error", then an empty line.
    private void AppendSemantic(StringBuilder sb, Diagnostic d)
    {
        if (d.Span is { } span && d.Token is not null)
        {
            sb.Append(": ").Append(d.Token).Append(" at ").Append(Location(span)).Append('\n');
            AppendSource(sb, SemanticAlign, span);
            if (d.Second is { } second)
            {
                sb.Append(second.Token).Append(" at ").Append(Location(second.Span)).Append('\n');
                AppendSource(sb, SemanticAlign, second.Span);
            }
        }
        else
        {
            sb.Append('\n');
        }

        sb.Append('\n');
    }

    private string Location(SourceSpan span)
    {
        string name = span.File.Name == _lastFile ? "" : span.File.Name;
        _lastFile = span.File.Name;
        return $"{name}:{span.Line}:{span.Column}";
    }

    private static void AppendSource(StringBuilder sb, string align, SourceSpan span)
    {
        string line = span.File.GetLine(span.Line);
        sb.Append(align).Append("source: ").Append(line).Append('\n');
        sb.Append(align).Append("        ");
        for (int i = 0; i < span.Column - 1; i++)
        {
            sb.Append(i < line.Length && char.IsWhiteSpace(line[i]) ? line[i] : ' ');
        }

        sb.Append("^\n");
    }
}
