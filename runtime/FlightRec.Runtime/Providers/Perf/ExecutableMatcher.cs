using System.Diagnostics;
using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// Whether a process runs one executable (perf <c>.process("PATH")</c>): /proc/PID/exe made
/// canonical, remembered per process for <see cref="RefreshNanoseconds"/> so a busy process costs
/// one lookup per interval and a process that exec'd is judged again within it. A process gone
/// before its sample was handled keeps its last answer, or does not match if never seen.
/// </summary>
internal sealed class ExecutableMatcher(string path)
{
    public const long RefreshNanoseconds = 100_000_000;
    private const int MaxEntries = 65_536;

    private readonly Dictionary<int, (bool Matches, long ReadAt)> _known = [];

    public bool Matches(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        long now = Stopwatch.GetTimestamp();
        if (_known.TryGetValue(pid, out var known) && now - known.ReadAt < RefreshNanoseconds)
        {
            return known.Matches;
        }

        string? exe = ExecutablePath.Canonical($"/proc/{pid}/exe");
        bool matches = exe is null ? known.Matches : exe == path;
        if (_known.Count >= MaxEntries)
        {
            _known.Clear();
        }

        _known[pid] = (matches, now);
        return matches;
    }
}
