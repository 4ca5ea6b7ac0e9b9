using System.Text.RegularExpressions;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Every script in examples/ runs briefly through the published frstap, as its header comment
/// tells a user to run it, and shows what it promises. A new example needs a test here.
/// </summary>
public sealed class ExamplesTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryExampleHasATestAndAHeaderSayingHowToRunIt()
    {
        string[] tested =
        [
            "countdown", "heartbeat", "hello", "limits", "sampler-stats", "timer-jitter", "top-buckets", "uptime-log", "word-count",
        ];
        var found = Directory.GetFiles(ExamplesDirectory(), "*.frs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(tested, found);
        foreach (string name in found.OfType<string>())
        {
            string text = File.ReadAllText(Example(name));
            Assert.True(text.Contains("frstap ", StringComparison.Ordinal), $"{name}.frs does not say how to run it");
        }
    }

    [Fact]
    public void Hello() => Run(run =>
    {
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Matches("^hello from FlightRec, pid [0-9]+\n$", run.Stdout);
    }, Example("hello"));

    [Fact]
    public void CountdownTakesItsStartFromTheFirstArgument() =>
        Run(run => Assert.Equal(new FrrunResult(0, "counting down from 2\n2...\n1...\nliftoff\n", ""), run), Example("countdown"), "2");

    [Fact]
    public void WordCountSortsTheWordsOfItsArgument() =>
        Run(run => Assert.Equal(new FrrunResult(0, "a         1 time, 1 letters\nb         2 times, 1 letters\n", ""), run), Example("word-count"), "b a b");

    [Fact]
    public void TimerJitterReportsAHistogram() => Run(run =>
    {
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Matches("^[0-9]+ ticks, jitter min [0-9]+ us, avg [0-9]+ us, max [0-9]+ us\nvalue \\|-+ count\n", run.Stdout);
    }, "-T", "1", Example("timer-jitter"));

    [Fact]
    public void SamplerStatsSummarisesFiveHundredSamples() => Run(run =>
    {
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Matches("^samples 500  min [0-9]+  avg [0-9]+  max [0-9]+  sum [0-9]+\nvalue \\|-+ count\n", run.Stdout);
        Assert.Equal(500, Regex.Matches(run.Stdout, " ([0-9]+)\n").Skip(1).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }, Example("sampler-stats"));

    [Fact]
    public void TopBucketsPrintsThreeReportsOfAtMostFiveLines() => Run(run =>
    {
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, Regex.Matches(run.Stdout, "^--- report [123]: top 5 of 10 buckets$", RegexOptions.Multiline).Count);
        Assert.InRange(Regex.Matches(run.Stdout, "^  ms%10 = [0-9]  +[0-9]+ ticks$", RegexOptions.Multiline).Count, 3, 15);
    }, Example("top-buckets"));

    [Fact]
    public void UptimeLogStampsEachLine() => Run(run =>
    {
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Matches("^... ... [ 0-9]{2} [0-9:]{8} [0-9]{4} started\n(... ... [ 0-9]{2} [0-9:]{8} [0-9]{4} up 0m0[0-9]s\n)+... ... [ 0-9]{2} [0-9:]{8} [0-9]{4} stopped after [0-9]+ s\n$", run.Stdout);
    }, "-T", "2.5", Example("uptime-log"));

    [Fact]
    public void LimitsOverflowsMaxMapEntriesAndRunsTheErrorProbe() => Run(run =>
    {
        Assert.Equal((1, "stopped after storing 2048 squares\n"), (run.ExitCode, run.Stdout));
        Assert.Equal(
            [
                $"ERROR: Array overflow, check MAXMAPENTRIES near identifier 'squares' at {Example("limits")}:14:5 in probe timer.ms(1)",
                "WARNING: Number of errors: 1, skipped probes: 0",
                "Pass 5: run failed.  [man error::pass5]",
            ],
            run.StderrLines);
    }, Example("limits"));

    [Fact]
    public void LimitsCompletesWithARaisedLimit() =>
        Run(run => Assert.Equal(new FrrunResult(0, "stored 3000 squares, the last is 8994001\n", ""), run), "-DMAXMAPENTRIES=4096", Example("limits"));

    [Fact]
    public void HeartbeatRecordsInTheBackgroundAndCanBeDumpedAndStopped()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        Assert.Equal(0, scenario.RunFrstap("-F", "-m", "heartbeat", Example("heartbeat")).ExitCode);
        ScenarioContext.WaitUntil(() => scenario.Run("-D", "heartbeat").Stdout.Contains(" beat 2\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), () => "two heartbeats in the recording");
        Assert.Matches("^... ... [ 0-9]{2} [0-9:]{8} [0-9]{4} beat 1\n", scenario.Run("-D", "heartbeat").Stdout);
        Assert.Equal(0, scenario.Run("-d", "heartbeat").ExitCode);
        Assert.Empty(scenario.SessionNames());
    }

    private void Run(Action<FrrunResult> check, params string[] arguments)
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        check(scenario.RunFrstap(arguments));
    }

    private static string Example(string name) => Path.Combine(ExamplesDirectory(), name + ".frs");

    private static string ExamplesDirectory() =>
        Path.Combine(PublishedFrrun.RepositoryRoot ?? throw new InvalidOperationException("no repository root"), "examples");
}
