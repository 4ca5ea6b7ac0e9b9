using System.Text;
using FlightRec.Runner.Terminal;

namespace FlightRec.Runner.Consumer;

/// <summary>
/// What stapio does with a module's message lines: <c>WARNING:</c> lines are dropped with -w
/// and, unless -v, printed once each (at most 1024 remembered, then a notice); <c>ERROR:</c>
/// lines are printed and remembered; anything else is printed as it is. The transport's own
/// reports (losses, damage) are never deduplicated: the same count twice is two losses.
/// </summary>
internal sealed class MessagePrinter(Diagnostics diagnostics, bool suppressWarnings, bool verbose)
{
    private const int MaxRememberedWarnings = 1024;
    private readonly HashSet<string> _seenWarnings = new(StringComparer.Ordinal);
    private bool _tableFull;

    /// <summary>An ERROR: line was printed.</summary>
    public bool SawError { get; private set; }

    public void Print(ReadOnlySpan<byte> line, bool fromTransport = false)
    {
        string text = Encoding.UTF8.GetString(line);
        if (text.Length > 0 && text[^1] != '\n')
        {
            text += "\n";
        }

        if (text.StartsWith("WARNING: ", StringComparison.Ordinal))
        {
            if (suppressWarnings || (!verbose && !fromTransport && !FirstTime(text)))
            {
                return;
            }
        }
        else if (text.StartsWith("ERROR: ", StringComparison.Ordinal))
        {
            SawError = true;
        }

        diagnostics.ModuleLine(text);
    }

    private bool FirstTime(string warning)
    {
        if (_seenWarnings.Contains(warning))
        {
            return false;
        }

        if (_seenWarnings.Count < MaxRememberedWarnings)
        {
            _seenWarnings.Add(warning);
        }
        else if (!_tableFull)
        {
            _tableFull = true;
            diagnostics.Plain("WARNING deduplication table full");
        }

        return true;
    }
}
