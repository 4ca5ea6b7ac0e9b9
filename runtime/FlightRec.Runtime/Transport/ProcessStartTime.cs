namespace FlightRec.Runtime.Transport;

/// <summary>
/// A process's start time in clock ticks since boot (field 22 of /proc/PID/stat). With the pid
/// it names a process uniquely, so a recycled pid is never mistaken for a session's host.
/// </summary>
public static class ProcessStartTime
{
    /// <summary>The start time, or -1 when no such process exists (or its stat cannot be read).</summary>
    public static long Of(int pid) => Read(pid).StartTime;

    /// <summary>Whether <paramref name="pid"/> is alive (not a zombie) and was started at <paramref name="startTime"/>.</summary>
    public static bool IsAlive(int pid, long startTime)
    {
        var (state, ticks) = Read(pid);
        return ticks >= 0 && ticks == startTime && state is not ('Z' or 'X');
    }

    /// <summary>Fields 3 (state) and 22 (start time) of one read of /proc/PID/stat.</summary>
    private static (char State, long StartTime) Read(int pid)
    {
        if (pid <= 0)
        {
            return ('?', -1);
        }

        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ('?', -1);
        }

        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        int close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return ('?', -1);
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state), so field 22 is fields[19].
        char state = fields.Length > 0 && fields[0].Length == 1 ? fields[0][0] : '?';
        long ticks = fields.Length > 19 && long.TryParse(fields[19], out long t) ? t : -1;
        return (state, ticks);
    }
}
