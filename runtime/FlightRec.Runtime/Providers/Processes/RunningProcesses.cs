using System.Globalization;

namespace FlightRec.Runtime.Providers.Processes;

/// <summary>
/// The startup scan behind stap's "begin fires once for each already-running matching process":
/// every /proc/PID with its comm, the path of its executable (as the kernel prints it, the
/// canonical one) and whether it is a kernel thread (PF_KTHREAD in /proc/PID/stat), which stap's
/// task finder never reports (no mm).
/// </summary>
public static class RunningProcesses
{
    private const long KernelThreadFlag = 0x00200000; // PF_KTHREAD
    private const int FlagsField = 6; // after the ")" closing comm: state ppid pgrp session tty_nr tpgid flags

    public static IReadOnlyList<RunningProcess> Scan(string procRoot = "/proc")
    {
        var found = new List<RunningProcess>();
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateDirectories(procRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return found;
        }

        foreach (string directory in entries)
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && Read(directory, pid) is { } process)
            {
                found.Add(process);
            }
        }

        return found;
    }

    /// <summary>One process, or null if it is gone (it may exit while we look).</summary>
    public static RunningProcess? Read(string directory, int pid)
    {
        try
        {
            string stat = File.ReadAllText(Path.Join(directory, "stat"));
            string comm = File.ReadAllText(Path.Join(directory, "comm")).TrimEnd('\n');
            bool kernelThread = IsKernelThread(stat);
            string executable = kernelThread ? "" : ExecutableOf(directory);
            return new RunningProcess(pid, comm, executable, kernelThread);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsKernelThread(string stat)
    {
        int close = stat.LastIndexOf(')');
        string[] fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > FlagsField
            && long.TryParse(fields[FlagsField], NumberStyles.None, CultureInfo.InvariantCulture, out long flags)
            && (flags & KernelThreadFlag) != 0;
    }

    private static string ExecutableOf(string directory)
    {
        try
        {
            return new FileInfo(Path.Join(directory, "exe")).LinkTarget ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
