using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// This machine's BPF and tracefs, for the tests that load programs into the kernel. Without
/// them (not root, no BPF, no tracefs) the tests log and pass, except on CI (CI=true), where
/// they fail with the reason: CI runs as root with tracefs, so a missing capability there is a
/// broken environment, not something to skip.
/// </summary>
internal static class BpfKernel
{
    /// <summary>The sys_enter_openat format when BPF and tracefs are usable; null (after logging) otherwise.</summary>
    public static TracepointFormat? OpenatFormat(ITestOutputHelper log)
    {
        string? reason = Unavailable(out var format);
        if (reason is null)
        {
            return format;
        }

        Assert.False(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"CI needs BPF and tracefs: {reason}");
        log.WriteLine($"not run against the kernel: {reason}");
        return null;
    }

    /// <summary>The sched:sched_process_exec format (a __data_loc filename) under the same conditions as <see cref="OpenatFormat"/>.</summary>
    public static TracepointFormat? ProcessExecFormat(ITestOutputHelper log) =>
        OpenatFormat(log) is null ? null : TracefsCatalogue.Open().Format("sched:sched_process_exec");

    /// <summary>The tracefs id of syscalls:sys_exit_openat, where deferred openat captures complete.</summary>
    public static int OpenatExitId() => TracefsCatalogue.Open().Format("syscalls:sys_exit_openat").Id;

    private static string? Unavailable(out TracepointFormat? format)
    {
        format = null;
        var catalogue = TracefsCatalogue.Open();
        if (!catalogue.IsAvailable)
        {
            return catalogue.UnavailableReason;
        }

        if (!catalogue.Contains("syscalls:sys_enter_openat"))
        {
            return "tracefs lists no syscalls:sys_enter_openat (kernel without CONFIG_FTRACE_SYSCALLS?)";
        }

        try
        {
            using var probe = BpfMap.Create(BpfMapType.Array, 4, 8, 1, "fr_probe");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"BPF maps cannot be created ({e.Message}); the tests need root or CAP_BPF+CAP_PERFMON";
        }

        format = catalogue.Format("syscalls:sys_enter_openat");
        return null;
    }
}
