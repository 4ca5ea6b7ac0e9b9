namespace FlightRec.Runtime.Context;

/// <summary>
/// What the last <c>=~</c> of the current handler left behind for matched()/ngroups()
/// (LANGUAGE.md §9.2). Like stap's context, a failed match clears only the success flag and the
/// matched string: the group count stays that of the last successful match, which decides
/// between the "failed match" and "nonexistent subexpression" errors.
/// </summary>
public sealed class RegexMatchState
{
    private int[] _starts = new int[4];
    private int[] _ends = new int[4];

    /// <summary>True after a successful match, false after a failed one or before any.</summary>
    public bool Succeeded { get; private set; }

    /// <summary>The subject of the last match attempt (truncated as a script string).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>Groups of the last successful match including group 0 (stap: num_final_tags / 2).</summary>
    public int GroupCount { get; private set; }

    public void Reset()
    {
        Succeeded = false;
        Subject = "";
        GroupCount = 0;
    }

    public void RecordFailure(string subject)
    {
        Succeeded = false;
        Subject = subject;
    }

    /// <summary>Starts recording a success with <paramref name="groupCount"/> groups; then call <see cref="SetGroup"/>.</summary>
    public void RecordSuccess(string subject, int groupCount)
    {
        Succeeded = true;
        Subject = subject;
        GroupCount = groupCount;
        if (_starts.Length < groupCount)
        {
            _starts = new int[groupCount];
            _ends = new int[groupCount];
        }
    }

    /// <summary>Records group <paramref name="index"/>; a negative start means it did not participate.</summary>
    public void SetGroup(int index, int start, int end)
    {
        _starts[index] = start;
        _ends[index] = end;
    }

    /// <summary>Start and end of group <paramref name="index"/>; (-1, -1) if it did not participate.</summary>
    public (int Start, int End) GetGroup(int index) => (_starts[index], _ends[index]);
}
