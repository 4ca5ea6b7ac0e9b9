namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// The begin, end and exec probes of one selector (the target's tree, one PATH or one PID) and the
/// processes it has reported a begin for.
/// </summary>
internal sealed class ProcessSelectorGroup(ProcessSelectorKind kind, string? path, int pid, int[] begin, int[] end, int[] exec)
{
    public ProcessSelectorKind Kind { get; } = kind;

    /// <summary>The canonical executable path of a PATH selector.</summary>
    public string? Path { get; } = path;

    /// <summary><see cref="Path"/> in UTF-8, compared with exec'd names without allocating.</summary>
    public byte[] PathBytes { get; } = System.Text.Encoding.UTF8.GetBytes(path ?? "");

    /// <summary>The process of a PID selector; the target (the tree's root, never reported itself) of the tree.</summary>
    public int Pid { get; } = pid;

    public int[] Begin { get; } = begin;

    public int[] End { get; } = end;

    public int[] Exec { get; } = exec;

    public ProcessMembership Members { get; } = new();

    /// <summary>A child forked by a member runs the same program: it belongs to the tree and to a PATH, not to a PID.</summary>
    public bool FollowsForks => Kind != ProcessSelectorKind.Pid;

    /// <summary>
    /// After a member's exec (its old image ended), whether it begins again: always in the tree (stap's
    /// task finder re-matches every exec), for a PATH when the new program is PATH, never for a PID
    /// (stap matches PID targets once, at startup).
    /// </summary>
    public bool RejoinsOnExec(bool executableMatches) => Kind switch
    {
        ProcessSelectorKind.All => true,
        ProcessSelectorKind.Path => executableMatches,
        _ => false,
    };
}
