using System.Text;

namespace FlightRec.Compiler.Driver;

/// <summary>Writes through to another writer and keeps a copy of everything written.</summary>
internal sealed class RecordingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _copy = new();

    public override Encoding Encoding => inner.Encoding;

    public string Text => _copy.ToString();

    public override void Write(char value)
    {
        inner.Write(value);
        _copy.Append(value);
    }

    public override void Write(string? value)
    {
        inner.Write(value);
        _copy.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        inner.Write(buffer, index, count);
        _copy.Append(buffer, index, count);
    }

    public override void Flush() => inner.Flush();
}
