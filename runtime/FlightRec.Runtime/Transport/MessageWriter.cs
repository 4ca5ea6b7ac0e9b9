using System.Text;

namespace FlightRec.Runtime.Transport;

/// <summary>
/// The host's stderr: every line written (a WARNING or ERROR of the session, a loss report)
/// becomes one record in the message ring, where the attached consumer — or one that
/// attaches later, or a dump — finds it. Lines from several dispatch threads never interleave.
/// </summary>
public sealed class MessageWriter(RingWriter ring) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly object _gate = new();
    private bool _sawError;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>An "ERROR:" line was written: the run's exit status is 1 (staprun's rule).</summary>
    public bool SawError
    {
        get
        {
            lock (_gate)
            {
                return _sawError;
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _line.Append(value);
            if (value == '\n')
            {
                CommitLine();
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            foreach (char c in value)
            {
                _line.Append(c);
                if (c == '\n')
                {
                    CommitLine();
                }
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Write(value);
            Write('\n');
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_line.Length > 0)
            {
                _line.Append('\n');
                CommitLine();
            }
        }
    }

    private void CommitLine()
    {
        string line = _line.ToString();
        _line.Clear();
        if (line.StartsWith("ERROR:", StringComparison.Ordinal))
        {
            _sawError = true;
        }

        ring.Commit(Encoding.UTF8.GetBytes(line));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
