namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// The processes one selector has reported a begin for: since when, until when (long.MaxValue while
/// the process lives), and the comm it began with (an end caused by exec reports the old image's
/// name). Ended entries are kept for a while, so that an event of another CPU drained late is
/// still judged by the time it happened.
/// </summary>
internal sealed class ProcessMembership
{
    private const int PruneAbove = 8192;

    private readonly Dictionary<int, Member> _members = [];

    public int Count => _members.Count;

    public bool IsAlive(int pid) => _members.TryGetValue(pid, out var m) && m.Until == long.MaxValue;

    /// <summary>Whether <paramref name="pid"/> was a member when <paramref name="time"/> happened.</summary>
    public bool WasMemberAt(int pid, long time) =>
        _members.TryGetValue(pid, out var m) && m.Since <= time && time <= m.Until;

    public bool TryGet(int pid, out Member member) => _members.TryGetValue(pid, out member);

    public void Join(int pid, long since, TaskComm comm) => _members[pid] = new Member(since, long.MaxValue, comm);

    /// <summary>Ends a live member at <paramref name="time"/>; false if it was not one.</summary>
    public bool Leave(int pid, long time)
    {
        if (!_members.TryGetValue(pid, out var m) || m.Until != long.MaxValue)
        {
            return false;
        }

        _members[pid] = m with { Until = time };
        return true;
    }

    /// <summary>Forgets members that ended before <paramref name="before"/>, once there are many.</summary>
    public void Prune(long before)
    {
        if (_members.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (pid, member) in _members)
        {
            if (member.Until < before)
            {
                _members.Remove(pid);
            }
        }
    }

    internal readonly record struct Member(long Since, long Until, TaskComm Comm);
}
