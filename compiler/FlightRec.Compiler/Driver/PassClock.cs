using System.Diagnostics;
using System.Globalization;
using FlightRec.Runtime.Linux;

namespace FlightRec.Compiler.Driver;

/// <summary>
/// stap's per-pass figures for -v: "using Nvirt/Nres/Nshr/Ndata kb, in Nusr/Nsys/Nreal ms."
/// CPU times include waited-for children (frrun, for pass 5) as stap's times(2) do.
/// </summary>
internal sealed class PassClock
{
    private long _started;
    private (long User, long System) _cpu;

    private PassClock() => Restart();

    public static PassClock Start() => new();

    public void Restart()
    {
        _started = Stopwatch.GetTimestamp();
        _cpu = ResourceUsage.ProcessAndChildren();
    }

    /// <summary>"in 10usr/0sys/12real ms." since the last restart.</summary>
    public string Times()
    {
        var (user, system) = ResourceUsage.ProcessAndChildren();
        long real = (long)Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        return string.Create(CultureInfo.InvariantCulture, $"in {user - _cpu.User}usr/{system - _cpu.System}sys/{real}real ms.");
    }

    /// <summary>"using Nvirt/Nres/Nshr/Ndata kb, " from /proc/self/statm, as stap's getmemusage.</summary>
    public static string MemoryUsage()
    {
        try
        {
            long[] pages = File.ReadAllText("/proc/self/statm").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            long kb(int i) => pages[i] * Environment.SystemPageSize / 1024;
            return string.Create(CultureInfo.InvariantCulture, $"using {kb(0)}virt/{kb(1)}res/{kb(2)}shr/{kb(5)}data kb, ");
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return "";
        }
    }
}
