using System.Diagnostics;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// execname() for perf samples, which carry no comm: read from
/// /proc/PID/task/TID/comm and remembered per thread for <see cref="RefreshNanoseconds"/>, so a
/// busy thread costs one lookup per event, and a thread that exec'd is renamed within that time.
/// A thread that exited before its events were handled keeps the last name seen, or has none ("")
/// if it was never seen alive — the limit of reading names after the fact (kernel-side capture of
/// the comm is what lifts it).
/// </summary>
internal sealed class TaskNames
{
    public const long RefreshNanoseconds = 100_000_000;
    private const int MaxEntries = 65_536;

    private readonly Dictionary<int, (string Name, long ReadAt)> _names = [];

    public string Of(int pid, int tid)
    {
        long now = Stopwatch.GetTimestamp();
        if (_names.TryGetValue(tid, out var known) && now - known.ReadAt < RefreshNanoseconds)
        {
            return known.Name;
        }

        string? read = Read(pid, tid);
        string name = read ?? known.Name ?? "";
        if (_names.Count >= MaxEntries)
        {
            _names.Clear();
        }

        _names[tid] = (name, now);
        return name;
    }

    private static string? Read(int pid, int tid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/task/{tid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
