using System.Runtime.InteropServices;

namespace FlightRec.Runtime.Linux;

/// <summary>sched_getaffinity(2)/sched_setaffinity(2) for the calling thread.</summary>
public static partial class CpuAffinity
{
    private const int MaskBytes = 128; // 1024 CPUs, glibc's cpu_set_t

    /// <summary>The CPUs the process may run on, in ascending order (empty if the kernel will not say).</summary>
    public static unsafe IReadOnlyList<int> AllowedCpus()
    {
        byte* mask = stackalloc byte[MaskBytes];
        new Span<byte>(mask, MaskBytes).Clear();
        if (sched_getaffinity(0, MaskBytes, mask) < 0)
        {
            return [];
        }

        var cpus = new List<int>();
        for (int cpu = 0; cpu < MaskBytes * 8; cpu++)
        {
            if ((mask[cpu / 8] & (1 << (cpu % 8))) != 0)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    /// <summary>Pins the calling thread to one CPU; false if the kernel refuses (offline, outside our cpuset).</summary>
    public static unsafe bool PinCurrentThread(int cpu)
    {
        if (cpu is < 0 or >= MaskBytes * 8)
        {
            return false;
        }

        byte* mask = stackalloc byte[MaskBytes];
        new Span<byte>(mask, MaskBytes).Clear();
        mask[cpu / 8] = (byte)(1 << (cpu % 8));
        return sched_setaffinity(0, MaskBytes, mask) == 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int sched_getaffinity(int pid, nuint size, byte* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int sched_setaffinity(int pid, nuint size, byte* mask);
}
