using System.Diagnostics;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// What kernel-event scenarios need: root (perf events on tracepoints), tracefs, and a C compiler
/// for the workloads. On CI (CI=true) a missing piece fails the test; elsewhere it is skipped with
/// the reason.
/// </summary>
internal static class KernelEvents
{
    /// <summary>
    /// The xunit collection of every test that traces kernel events: they run one after another.
    /// Loss counts and profiles are machine-wide, so another test's workload running beside one
    /// would show up in its numbers (a getppid loop's lost events, a spinner's share of the CPU).
    /// </summary>
    public const string Collection = "kernel events";

    public static string? MissingCapability()
    {
        if (Environment.UserName != "root" && !IsRoot())
        {
            return "kernel events need root";
        }

        if (!File.Exists("/sys/kernel/tracing/available_events") && !File.Exists("/sys/kernel/debug/tracing/available_events"))
        {
            return "tracefs is not mounted (mount -t tracefs nodev /sys/kernel/tracing)";
        }

        return FindCompiler() is null ? "no C compiler (cc) for the workloads (apt-get install gcc)" : null;
    }

    /// <summary>
    /// A scenario for kernel events, or null (after saying why) when this machine cannot run one;
    /// on CI a missing capability fails instead.
    /// </summary>
    public static ScenarioContext? Begin(ITestOutputHelper output)
    {
        var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return null;
        }

        if (MissingCapability() is { } missing)
        {
            scenario.Dispose();
            Assert.False(PublishedFrrun.Required, $"{missing}; CI=true requires the kernel event tests to run");
            output.WriteLine($"SKIPPED: {missing}");
            return null;
        }

        return scenario;
    }

    /// <summary>Compiles <paramref name="source"/> into an executable called <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public static string Compile(string directory, string name, string source)
    {
        string file = Path.Combine(directory, name + ".c");
        string program = Path.Combine(directory, name);
        File.WriteAllText(file, source);
        var start = new ProcessStartInfo(FindCompiler()!) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["-O2", "-o", program, file])
        {
            start.ArgumentList.Add(arg);
        }

        using var cc = Process.Start(start)!;
        string errors = cc.StandardError.ReadToEnd();
        cc.WaitForExit();
        return cc.ExitCode == 0 ? program : throw new InvalidOperationException($"cc failed on {name}.c: {errors}");
    }

    private static bool IsRoot() => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:\t0\t", StringComparison.Ordinal));

    private static string? FindCompiler() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(d => Path.Combine(d, "cc"))
            .FirstOrDefault(File.Exists);
}
