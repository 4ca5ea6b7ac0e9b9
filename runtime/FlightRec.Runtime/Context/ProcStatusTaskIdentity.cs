namespace FlightRec.Runtime.Context;

/// <summary>
/// A task's identity read from /proc/PID/status when an event of PID is first handled, then
/// cached: a repeated pid costs a dictionary lookup and allocates nothing. Limits: a process
/// that exits before its first event is handled reads 0s (after that, its cached values); a
/// setuid exec or a reparenting after the first read is not seen; a reused pid keeps the first
/// process's values until the cache is cleared (every <see cref="Capacity"/> pids). One per
/// dispatch thread: not thread-safe.
/// </summary>
public sealed class ProcStatusTaskIdentity(string procRoot = "/proc") : ITaskIdentitySource
{
    public const int Capacity = 4096;

    private readonly Dictionary<long, TaskIdentity> _cache = [];

    public TaskIdentity Of(long pid)
    {
        if (_cache.TryGetValue(pid, out var known))
        {
            return known;
        }

        if (Read(pid) is not { } read)
        {
            return default;
        }

        if (_cache.Count >= Capacity)
        {
            _cache.Clear();
        }

        _cache[pid] = read;
        return read;
    }

    private TaskIdentity? Read(long pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines($"{procRoot}/{pid}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long ppid = 0;
        (long Real, long Effective) uid = default, gid = default;
        foreach (string line in lines)
        {
            if (line.StartsWith("PPid:", StringComparison.Ordinal))
            {
                ppid = Number(line, 0);
            }
            else if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                uid = (Number(line, 0), Number(line, 1));
            }
            else if (line.StartsWith("Gid:", StringComparison.Ordinal))
            {
                gid = (Number(line, 0), Number(line, 1));
            }
        }

        return new TaskIdentity(ppid, uid.Real, uid.Effective, gid.Real, gid.Effective);
    }

    // "Uid:\t0\t0\t0\t0": the value at column index after the label, 0 if absent.
    private static long Number(string line, int index)
    {
        string[] columns = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return columns.Length > index + 1 && long.TryParse(columns[index + 1], out long value) ? value : 0;
    }
}
