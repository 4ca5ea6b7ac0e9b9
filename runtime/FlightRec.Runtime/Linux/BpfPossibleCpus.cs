namespace FlightRec.Runtime.Linux;

/// <summary>
/// How many CPU slots per-CPU maps have: the kernel sizes them by the possible CPUs
/// (/sys/devices/system/cpu/possible, e.g. "0-3"), which can exceed the online count.
/// </summary>
public static class BpfPossibleCpus
{
    private const string PossiblePath = "/sys/devices/system/cpu/possible";

    private static readonly Lazy<int> LazyCount = new(Read);

    public static int Count => LazyCount.Value;

    /// <summary>Parses the kernel's CPU list syntax ("0", "0-7", "0-3,8-11"): the highest CPU plus one.</summary>
    public static int Parse(string list)
    {
        int highest = -1;
        foreach (string part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-');
            string last = dash < 0 ? part : part[(dash + 1)..];
            highest = Math.Max(highest, int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        }

        return highest < 0 ? throw new FormatException($"no CPUs in \"{list}\"") : highest + 1;
    }

    private static int Read()
    {
        try
        {
            return Parse(File.ReadAllText(PossiblePath));
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
        catch (UnauthorizedAccessException)
        {
            return Environment.ProcessorCount;
        }
    }
}
