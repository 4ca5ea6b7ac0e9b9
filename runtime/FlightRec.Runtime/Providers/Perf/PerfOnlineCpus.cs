namespace FlightRec.Runtime.Providers.Perf;

/// <summary>The online CPUs, from the kernel's CPU list format ("0-3,6,8-9").</summary>
public static class PerfOnlineCpus
{
    public const string OnlinePath = "/sys/devices/system/cpu/online";

    public static IReadOnlyList<int> Read() => Parse(File.ReadAllText(OnlinePath));

    public static IReadOnlyList<int> Parse(string list)
    {
        var cpus = new List<int>();
        foreach (string part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            int first = int.Parse(dash < 0 ? part : part[..dash], System.Globalization.CultureInfo.InvariantCulture);
            int last = dash < 0 ? first : int.Parse(part[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            for (int cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }
}
