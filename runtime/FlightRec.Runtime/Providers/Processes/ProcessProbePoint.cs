using System.Globalization;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// A resolved <c>process.begin</c>, <c>process("PATH").end</c>, <c>process(PID).exec</c> (…) point,
/// as pass 2 prints it (PATH already resolved by <see cref="ExecutablePath.Find"/>).
/// </summary>
public sealed record ProcessProbePoint(ProcessSelectorKind Kind, string? Path, int Pid, ProcessProbeEvent Event)
{
    private const string Family = "process";

    /// <summary>The point's text, as stap's pp() shows it.</summary>
    public override string ToString()
    {
        string selector = Kind switch
        {
            ProcessSelectorKind.Path => $"{Family}(\"{Path}\")",
            ProcessSelectorKind.Pid => $"{Family}({Pid.ToString(CultureInfo.InvariantCulture)})",
            _ => Family,
        };
        return selector + Suffix(Event);
    }

    /// <summary>Whether <paramref name="point"/> is a process begin/end/exec point (of any selector).</summary>
    public static bool IsProcessLifecyclePoint(string point) =>
        point.StartsWith(Family, StringComparison.Ordinal)
        && EventOf(point) is not null
        && (point.StartsWith(Family + ".", StringComparison.Ordinal) || point.StartsWith(Family + "(", StringComparison.Ordinal))
        && !point.Contains(".thread.", StringComparison.Ordinal);

    /// <summary>The point's parts, or null when it is not one of the canonical shapes.</summary>
    public static ProcessProbePoint? Parse(string point)
    {
        if (EventOf(point) is not { } kind)
        {
            return null;
        }

        string selector = point[..point.LastIndexOf('.')];
        if (selector == Family)
        {
            return new ProcessProbePoint(ProcessSelectorKind.All, null, 0, kind);
        }

        if (!selector.StartsWith(Family + "(", StringComparison.Ordinal) || !selector.EndsWith(')'))
        {
            return null;
        }

        string argument = selector[(Family.Length + 1)..^1];
        if (argument.Length >= 2 && argument[0] == '"' && argument[^1] == '"')
        {
            string path = argument[1..^1];
            return path.Length > 0 ? new ProcessProbePoint(ProcessSelectorKind.Path, path, 0, kind) : null;
        }

        return int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
            ? new ProcessProbePoint(ProcessSelectorKind.Pid, null, pid, kind)
            : null;
    }

    private static string Suffix(ProcessProbeEvent kind) => kind switch
    {
        ProcessProbeEvent.End => ".end",
        ProcessProbeEvent.Exec => ".exec",
        _ => ".begin",
    };

    private static ProcessProbeEvent? EventOf(string point) =>
        point.EndsWith(".begin", StringComparison.Ordinal) ? ProcessProbeEvent.Begin
        : point.EndsWith(".end", StringComparison.Ordinal) ? ProcessProbeEvent.End
        : point.EndsWith(".exec", StringComparison.Ordinal) ? ProcessProbeEvent.Exec
        : null;
}
