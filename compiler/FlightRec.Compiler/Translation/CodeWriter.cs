using System.Text;
using FlightRec.Compiler.Diagnostics;

namespace FlightRec.Compiler.Translation;

/// <summary>Indented C# text, with <c>#line</c> directives that point statements back at the script.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line = "")
    {
        // Directives stay in column 0, where readers look for them.
        if (line.Length > 0 && !line.StartsWith('#'))
        {
            _text.Append(' ', _indent * 4);
        }

        if (line.Length > 0)
        {
            _text.Append(line);
        }

        _text.Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string closer = "}")
    {
        _indent--;
        Line(closer);
    }

    /// <summary>A line written as the user wrote it (embedded C#), without indentation.</summary>
    public void Verbatim(string line) => _text.Append(line).Append('\n');

    /// <summary>Maps the following C# lines to the script line of <paramref name="span"/>.</summary>
    public void Source(SourceSpan span) =>
        _text.Append("#line ").Append(span.Line).Append(" \"").Append(span.File.Name.Replace('"', '_')).Append("\"\n");

    /// <summary>Ends a stretch of mapped lines: what follows is generated code.</summary>
    public void Generated() => _text.Append("#line default\n");

    public override string ToString() => _text.ToString();
}
