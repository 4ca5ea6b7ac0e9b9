namespace FlightRec.Runtime.Context;

/// <summary>
/// <see cref="IProcessInfo"/> over /proc/PID/cmdline and /proc/PID/environ. A process that has
/// exited or that we may not read yields null, which the tapset turns into "" as stap does when
/// the task has no mm.
/// </summary>
public sealed class ProcFsProcessInfo : IProcessInfo
{
    public static ProcFsProcessInfo Instance { get; } = new();

    public byte[]? ReadCommandLine(long pid) => Read(pid, "cmdline");

    public byte[]? ReadEnvironment(long pid) => Read(pid, "environ");

    private static byte[]? Read(long pid, string file)
    {
        if (pid <= 0)
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes($"/proc/{pid}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
