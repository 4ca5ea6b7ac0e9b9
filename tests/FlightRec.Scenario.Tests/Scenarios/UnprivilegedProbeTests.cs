using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Issue 7 acceptance: run by a user without root, kernel-event scripts fail at once with one
/// clear sentence naming what is missing, exit status 1 — at pass 2 where the point cannot be
/// resolved without tracefs, else when the host arms the probe. Needs root to make the user.
/// </summary>
public sealed class UnprivilegedProbeTests(ITestOutputHelper output)
{
    private const string Pass2Failed = "Pass 2: analysis failed.  [man error::pass2]\n";
    private const string Pass5Failed = "Pass 5: run failed.  [man error::pass5]\n";

    [Fact]
    public void KernelEventProbesFailWithOneClearSentence()
    {
        if (!TemporaryUser.CanCreate)
        {
            Assert.False(PublishedFrrun.Required, "CI=true runs as root: the unprivileged scenario must run");
            output.WriteLine("SKIPPED: not root, so no temporary user can be made");
            return;
        }

        using var scenario = KernelEvents.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var user = new UnprivilegedRun(scenario);
        using var account = TemporaryUser.Create();
        string tracefs = File.Exists("/sys/kernel/tracing/available_events") ? "/sys/kernel/tracing" : "/sys/kernel/debug/tracing";
        string noTracefs = $"kernel.trace probes are not available: cannot read {tracefs}/available_events: permission denied (tracepoints need root or read access to tracefs)";

        Assert.Equal(
            new FrrunResult(1, "", Pass2Error("kernel", "probe kernel.trace(\"sched:sched_switch\") {}", noTracefs)),
            user.Frstap(account, "probe kernel.trace(\"sched:sched_switch\") {}"));
        Assert.Equal(
            new FrrunResult(1, "", Pass2Error("syscall", "probe syscall.openat {}", $"no match ({noTracefs})")),
            user.Frstap(account, "probe syscall.openat {}"));
        Assert.Equal(
            new FrrunResult(1, "", $"ERROR: probe point process.exec: {noTracefs.Replace("kernel.trace", "process", StringComparison.Ordinal)}\n{Pass5Failed}"),
            user.Frstap(account, "probe process.exec { exit() }"));

        int paranoid = int.Parse(File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        if (paranoid > 0)
        {
            Assert.Equal(
                new FrrunResult(1, "", "ERROR: probe point timer.profile.tick: perf events need root or CAP_PERFMON: opening timer.profile.tick "
                    + $"was refused (EACCES; /proc/sys/kernel/perf_event_paranoid is {paranoid})\n{Pass5Failed}"),
                user.Frstap(account, "probe timer.profile { exit() }"));
        }
        else
        {
            output.WriteLine($"timer.profile not checked: perf_event_paranoid is {paranoid}, so any user may sample every CPU");
        }
    }

    // stap's pass-2 report of a point that cannot be resolved, its source line and caret under the point.
    private static string Pass2Error(string identifier, string source, string reason) =>
        $"semantic error: while resolving probe point: identifier '{identifier}' at <input>:1:7\n"
        + $"        source: {source}\n"
        + "                      ^\n\n"
        + $"semantic error: {reason}\n\n"
        + Pass2Failed;
}
