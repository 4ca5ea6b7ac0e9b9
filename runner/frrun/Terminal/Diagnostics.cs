using FlightRec.Runner.CommandLine;

namespace FlightRec.Runner.Terminal;

/// <summary>
/// frrun's messages on stderr, in staprun's form: <c>ERROR: text</c> and <c>WARNING: text</c>,
/// the tag coloured as staprun colours it (bold red, yellow) when -C allows.
/// </summary>
internal sealed class Diagnostics(TextWriter stderr, bool color)
{
    private const string ErrorColor = "01;31";
    private const string WarningColor = "00;33";

    public bool Color => color;

    /// <summary>Whether to colour: always, never, or (auto) when stderr is a terminal that is not "dumb".</summary>
    public static bool UseColor(ColorMode mode, bool stderrIsTerminal) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => stderrIsTerminal && Environment.GetEnvironmentVariable("TERM") != "dumb",
    };

    public void Error(string text) => Tagged("ERROR:", ErrorColor, text);

    public void Warning(string text) => Tagged("WARNING:", WarningColor, text);

    /// <summary>A line without a tag (getopt's own messages, the disconnect notice).</summary>
    public void Plain(string text)
    {
        stderr.Write(text);
        stderr.Write('\n');
        stderr.Flush();
    }

    /// <summary>A module's message line, which carries its own "ERROR: "/"WARNING: " tag and newline.</summary>
    public void ModuleLine(string line)
    {
        if (color && line.StartsWith("ERROR: ", StringComparison.Ordinal))
        {
            Tagged("ERROR:", ErrorColor, line[7..].TrimEnd('\n'));
        }
        else if (color && line.StartsWith("WARNING: ", StringComparison.Ordinal))
        {
            Tagged("WARNING:", WarningColor, line[9..].TrimEnd('\n'));
        }
        else
        {
            stderr.Write(line);
            stderr.Flush();
        }
    }

    private void Tagged(string tag, string sgr, string text)
    {
        stderr.Write(color ? $"\u001b[{sgr}m\u001b[K{tag}\u001b[m\u001b[K {text}\n" : $"{tag} {text}\n");
        stderr.Flush();
    }
}
