using System.Globalization;
using System.Text.RegularExpressions;
using FlightRec.Runtime.Linux;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 3: kill -9 the host while two dispatch threads write. frrun -D says the module
/// is not running and recovers every record committed before the kill — the module's own
/// side files say which — skipping at most one torn record per CPU, with a warning for each.
/// A session whose files are damaged is dumped as far as it can be trusted, never a crash.
/// </summary>
public sealed partial class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Name = "twocpu";

    [Fact]
    public void DumpAfterKillNineRecoversEveryCommittedRecord()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        string committed = scenario.WorkFile("committed");
        var launch = scenario.Run("-L", "-b", "4", scenario.Module(TestModuleSource.TwoCpu), $"committed={committed}");
        Assert.Equal(0, launch.ExitCode);
        ScenarioContext.WaitUntil(
            () => ReadCommitted(committed + ".A") >= 200 && ReadCommitted(committed + ".B") >= 200,
            TimeSpan.FromSeconds(20),
            () => "both probes of twocpu to commit 200 records");

        int host = scenario.HostPid(Name);
        Assert.Equal(0, ProcessSignals.Send(host, FrrunProcess.SigKill));
        ScenarioContext.WaitUntil(() => !scenario.IsHostAlive(Name), TimeSpan.FromSeconds(10), () => $"host {host} to die");
        long committedA = ReadCommitted(committed + ".A");
        long committedB = ReadCommitted(committed + ".B");
        scenario.Log($"committed before the kill: A {committedA}, B {committedB}");

        var dump = scenario.Run("-D", Name);
        Assert.Equal(0, dump.ExitCode);
        var warnings = dump.StderrLines;
        Assert.Equal(ScenarioMessages.NotRunning(Name, host), warnings[0] + "\n");
        var torn = warnings.Skip(1).Select(w => TornWarning().Match(w)).ToList();
        Assert.True(torn.All(m => m.Success), $"unexpected warnings besides the torn records:\n{dump.Stderr}");
        var tornRings = torn.Select(m => m.Groups[1].Value).ToList();
        Assert.True(tornRings.Distinct().Count() == tornRings.Count && tornRings.Count <= 2, $"more than one torn record in a ring:\n{dump.Stderr}");

        var lines = dump.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(dump.Stdout.EndsWith('\n'), "the dump ends in the middle of a line");
        AssertRecovered(lines, "A", committedA);
        AssertRecovered(lines, "B", committedB);

        // The recording stays until it is removed.
        Assert.Equal(dump, scenario.Run("-D", Name));
    }

    [Theory]
    [InlineData("cpu0.ring", "truncate")]
    [InlineData("cpu1.ring", "truncate")]
    [InlineData("cpu0.ring", "scramble")]
    [InlineData("messages.ring", "scramble")]
    [InlineData("session", "scramble")]
    [InlineData("session", "truncate")]
    [InlineData("cpu0.ring", "delete")]
    public void DumpOfDamagedFilesReportsTheDamageAndDoesNotCrash(string file, string damage)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var launch = scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.TwoCpu));
        Assert.Equal(0, launch.ExitCode);
        Thread.Sleep(300);
        int host = scenario.HostPid(Name);
        Assert.Equal(0, ProcessSignals.Send(host, FrrunProcess.SigKill));
        ScenarioContext.WaitUntil(() => !ProcessSignals.Exists(host) || !scenario.IsHostAlive(Name), TimeSpan.FromSeconds(10), () => $"host {host} to die");

        string path = Path.Combine(scenario.Session(Name).Directory, file);
        Assert.True(File.Exists(path), $"{path} does not exist (this machine has {Environment.ProcessorCount} CPUs)");
        var random = new Random(7);
        switch (damage)
        {
            case "truncate":
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(stream.Length / 3);
                }

                break;
            case "scramble":
                byte[] bytes = File.ReadAllBytes(path);
                for (int i = 0; i < 64; i++)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 8192))] ^= (byte)random.Next(1, 256);
                }

                File.WriteAllBytes(path, bytes);
                break;
            default:
                File.Delete(path);
                break;
        }

        var dump = scenario.Run("-D", Name);
        Assert.True(dump.ExitCode is 0 or 1, $"frrun -D ended abnormally:\n{dump}");
        Assert.DoesNotContain("Unhandled exception", dump.Stderr, StringComparison.Ordinal);
        Assert.All(dump.StderrLines, line => Assert.Matches("^(WARNING|ERROR): ", line));
        Assert.NotEmpty(dump.StderrLines);
    }

    private static void AssertRecovered(string[] lines, string probe, long committed)
    {
        var numbers = lines.Where(l => l.StartsWith(probe + " ", StringComparison.Ordinal))
            .Select(l => long.Parse(l.AsSpan(2), CultureInfo.InvariantCulture))
            .ToList();
        SequenceAssert.Contiguous(numbers, 1, $"the recovered records of probe {probe}");
        Assert.True(numbers.Count >= committed, $"probe {probe} committed {committed} records before the kill, but only {numbers.Count} were recovered");
    }

    private static long ReadCommitted(string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            return text.Length == 20 ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"^WARNING: skipped a record torn by the crash in (cpu\d+\.ring) \(sequence \d+\)$")]
    private static partial Regex TornWarning();
}
