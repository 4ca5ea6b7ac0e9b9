using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Host;

/// <summary>
/// A command-line <c>NAME=VALUE</c> for a module global. The syntax is staprun's: NAME an
/// identifier (<c>[a-z_][a-z0-9_]*</c>, either case as stap's -G takes it), VALUE without
/// spaces or '!'; whether the global exists and takes the value is the module's to say.
/// </summary>
public sealed record GlobalAssignment(string Name, string Value)
{
    /// <summary>Whether an argument is meant as an assignment (rather than, say, a misplaced option).</summary>
    public static bool IsAssignment(string argument) => argument.Contains('=') && !argument.StartsWith('-');

    /// <summary>Parses <c>NAME=VALUE</c>; <see cref="HostException"/> with the user's line if it is malformed.</summary>
    public static GlobalAssignment Parse(string argument)
    {
        int equals = argument.IndexOf('=');
        string name = equals < 0 ? argument : argument[..equals];
        string value = equals < 0 ? "" : argument[(equals + 1)..];
        if (equals < 0 || !IsIdentifier(name) || value.Any(c => c == '!' || char.IsWhiteSpace(c)))
        {
            throw new HostException(
                $"Invalid module option '{argument}' (should be NAME=VALUE, with no spaces or '!' in VALUE).");
        }

        return new GlobalAssignment(name, value);
    }

    /// <summary>Sets the global through the module; its refusal becomes the user's line.</summary>
    public void ApplyTo(ProbeModule module)
    {
        try
        {
            module.AssignGlobal(Name, Value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw new HostException(e.Message);
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
