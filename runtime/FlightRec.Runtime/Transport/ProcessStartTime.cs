namespace FlightRec.Runtime.Transport;

/// <summary>
/// A process's start time in clock ticks since boot (field 22 of /proc/PID/stat). With the pid
/// it names a process uniquely, so a recycled pid is never mistaken for a session's host.
/// </summary>
public static class ProcessStartTime
{
    /// <summary>The start time, or -1 when no such process exists (or its stat cannot be read).</summary>
    public static long Of(int pid)
    {
        if (pid <= 0)
        {
            return -1;
        }

        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }

        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        int close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return -1;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state), so field 22 is fields[19].
        return fields.Length > 19 && long.TryParse(fields[19], out long ticks) ? ticks : -1;
    }

    /// <summary>Whether <paramref name="pid"/> is alive and is a zombie-free process started at <paramref name="startTime"/>.</summary>
    public static bool IsAlive(int pid, long startTime)
    {
        long now = Of(pid);
        return now >= 0 && now == startTime && !IsZombie(pid);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
