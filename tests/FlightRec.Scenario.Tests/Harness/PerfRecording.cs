using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// Linux's own <c>perf record -a</c> of some tracepoints, running beside a scenario as the
/// reference to compare against. perf records system-wide from before <see cref="Start"/>
/// returns until <see cref="Stop"/>; its workload is a shell that says it is running (events are
/// enabled before perf starts it) and then sleeps until perf is interrupted.
/// </summary>
internal sealed partial class PerfRecording
{
    private readonly ScenarioContext _scenario;
    private readonly FrrunProcess _perf;
    private readonly string _data;

    private PerfRecording(ScenarioContext scenario, FrrunProcess perf, string data)
    {
        _scenario = scenario;
        _perf = perf;
        _data = data;
    }

    /// <summary>Why perf cannot record here, or null when <c>perf --version</c> runs.</summary>
    public static string? MissingReason()
    {
        try
        {
            var start = new ProcessStartInfo("perf", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var perf = Process.Start(start)!;
            string output = perf.StandardOutput.ReadToEnd() + perf.StandardError.ReadToEnd();
            perf.WaitForExit();
            return perf.ExitCode == 0 ? null : $"perf --version failed ({perf.ExitCode}): {output.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no perf ({e.Message}; apt-get install linux-perf)";
        }
    }

    /// <summary>
    /// Starts <c>perf record -a</c> of <paramref name="tracepoint"/>, with the kernel-side
    /// <paramref name="filter"/> (ftrace syntax): recording every switch of a busy machine loses
    /// samples (10 % in a CI run), and a comparison needs none lost.
    /// </summary>
    public static PerfRecording Start(ScenarioContext scenario, string tracepoint, string filter)
    {
        string data = scenario.WorkFile("perf.data");
        var perf = scenario.StartProgram("perf", ["record", "-e", tracepoint, "--filter", filter, "-a", "-o", data, "--", "sh", "-c", "echo ready; exec sleep 600"]);
        var ready = Stopwatch.StartNew();
        while (!perf.StdoutSoFar.Contains("ready", StringComparison.Ordinal))
        {
            Assert.False(perf.HasExited, $"perf record exited before recording:\n{perf.StderrSoFar}");
            Assert.True(ready.Elapsed < TimeSpan.FromSeconds(20), $"perf record did not start within 20 s:\n{perf.StderrSoFar}");
            Thread.Sleep(20);
        }

        return new PerfRecording(scenario, perf, data);
    }

    /// <summary>
    /// Interrupts perf record and returns every sched_switch it recorded, in perf script's order
    /// (by time). Fails, naming the count, when perf lost any.
    /// </summary>
    public IReadOnlyList<SchedSwitch> StopAndReadSchedSwitches()
    {
        _perf.Signal(FrrunProcess.SigInt);
        var recorded = _scenario.Finish(_perf);
        var script = _scenario.Finish(_scenario.StartProgram("perf", ["script", "-i", _data, "-F", "cpu,trace"]));
        Assert.True(script.ExitCode == 0, $"perf script failed: {script}");
        foreach (string stderr in (string[])[recorded.Stderr, script.Stderr])
        {
            var lost = LostPattern().Match(stderr);
            Assert.False(lost.Success, $"perf lost events ({lost.Value}): the sequences cannot be compared.\n{stderr}");
        }

        var events = new List<SchedSwitch>();
        foreach (string line in script.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = SchedSwitchPattern().Match(line);
            Assert.True(m.Success, $"unexpected perf script line: {line}");
            events.Add(new SchedSwitch(
                Number(m.Groups["cpu"].Value), Number(m.Groups["prevpid"].Value), m.Groups["prevcomm"].Value,
                Number(m.Groups["nextpid"].Value), m.Groups["nextcomm"].Value, m.Groups["state"].Value.IndexOfAny(['Z', 'X']) >= 0));
        }

        return events;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    // perf script -F cpu,trace prints the format's print fmt; comms may hold spaces (".NET TP Worker").
    [GeneratedRegex(@"^\s*\[(?<cpu>\d+)\]\s+prev_comm=(?<prevcomm>.*) prev_pid=(?<prevpid>-?\d+) prev_prio=-?\d+ prev_state=(?<state>\S+) ==> next_comm=(?<nextcomm>.*) next_pid=(?<nextpid>-?\d+) next_prio=-?\d+$")]
    private static partial Regex SchedSwitchPattern();

    [GeneratedRegex(@"(?i)lost (\d+) (chunks|events|samples)|Lost \d+")]
    private static partial Regex LostPattern();
}
