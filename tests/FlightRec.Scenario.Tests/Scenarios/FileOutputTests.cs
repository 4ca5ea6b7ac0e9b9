using System.Globalization;
using FlightRec.Runtime.Transport;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 6: -o with -S rotation keeps the newest N files of at most SIZE each; SIGUSR2
/// moves the output to the next file without losing a line; a bulk-mode module writes one
/// file per CPU, and together they hold exactly what stream mode writes to one.
/// </summary>
public sealed class FileOutputTests(ITestOutputHelper output)
{
    private const int OneMegabyte = 1024 * 1024;

    [Fact]
    public void RotationKeepsTheNewestThreeFilesOfAtMostOneMegabyte()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var run = scenario.Run("-o", "out", "-S", "1,3", scenario.Module(TestModuleSource.Big));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("", run.Stderr);

        var files = Directory.GetFiles(scenario.WorkDirectory).Select(Path.GetFileName).OfType<string>()
            .OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(files.Count == 3, $"expected 3 files, found: {string.Join(", ", files)}");
        Assert.All(files, f => Assert.Matches(@"^out\.\d+$", f));
        var numbers = files.Select(f => int.Parse(f[4..], CultureInfo.InvariantCulture)).ToList();
        // 5 MB in files of 1 MB: the first ones were removed, the newest three are consecutive.
        Assert.Equal(Enumerable.Range(numbers[0], 3), numbers);
        Assert.True(numbers[0] >= 2, $"5 MB cannot fit in files out.0..out.{numbers[2]} of 1 MB");
        Assert.All(files, f => Assert.InRange(new FileInfo(scenario.WorkFile(f)).Length, 1, OneMegabyte));

        string newest = File.ReadAllText(scenario.WorkFile(files[^1]));
        Assert.Contains("\nA 00002560 ", newest);
        Assert.Contains("\nB 00002560 ", newest);
    }

    [Fact]
    public void SigUsr2SwitchesToTheNextFileWithoutLosingALine()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var consumer = scenario.Start("-b", "1", "-o", "usr", scenario.Module(TestModuleSource.Seq));
        string[] names = ["usr", "usr.1", "usr.2"];
        ScenarioContext.WaitUntil(() => File.Exists(scenario.WorkFile(names[0])), TimeSpan.FromSeconds(10), () => "frrun to open its output file");
        using (var header = scenario.TryOpenHeader("seq"))
        {
            // Streaming to a consumer from the start keeps the oldest data: the discard policy.
            Assert.Equal(RingPolicy.Discard, header?.Info.Policy);
        }

        foreach (string name in names)
        {
            string path = scenario.WorkFile(name);
            ScenarioContext.WaitUntil(() => LineCount(path) >= 5, TimeSpan.FromSeconds(10), () => $"5 lines in {name}");
            consumer.Signal(name == names[^1] ? FrrunProcess.SigInt : FrrunProcess.SigUsr2);
        }

        var stopped = scenario.Finish(consumer);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("", stopped.Stdout);
        Assert.Equal("", stopped.Stderr);
        var files = Directory.GetFiles(scenario.WorkDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, files);
        SequenceAssert.OneToN(string.Concat(names.Select(n => File.ReadAllText(scenario.WorkFile(n)))), "usr, usr.1 and usr.2 in order");
    }

    [Fact]
    public void BulkModeWritesOneFilePerCpuWhoseUnionIsTheStreamOutput()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        var stream = scenario.Run("-o", "stream", scenario.Module(TestModuleSource.Big), "megabytes=1");
        Assert.Equal(0, stream.ExitCode);
        Assert.Equal("", stream.Stderr);
        var bulk = scenario.Run("-o", "bulk", scenario.Module(TestModuleSource.BigBulk), "megabytes=1");
        Assert.Equal(0, bulk.ExitCode);
        Assert.Equal("", bulk.Stdout);
        Assert.Equal("", bulk.Stderr);

        var perCpu = Directory.GetFiles(scenario.WorkDirectory, "bulk*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, Environment.ProcessorCount).Select(cpu => $"bulk_cpu{cpu}"), perCpu);
        var bulkLines = perCpu.SelectMany(f => Lines(scenario.WorkFile(f))).Order(StringComparer.Ordinal).ToList();
        var streamLines = Lines(scenario.WorkFile("stream"));
        Assert.Equal(1024, streamLines.Count);
        Assert.True(streamLines.Order(StringComparer.Ordinal).SequenceEqual(bulkLines), "the per-CPU files together do not hold the lines of the stream output");

        // Each probe's lines keep their order within its CPU's file.
        foreach (string file in perCpu)
        {
            foreach (string probe in new[] { "A", "B" })
            {
                var numbers = Lines(scenario.WorkFile(file)).Where(l => l.StartsWith(probe, StringComparison.Ordinal)).Select(l => long.Parse(l.AsSpan(2, 8), CultureInfo.InvariantCulture)).ToList();
                Assert.True(numbers.SequenceEqual(numbers.Order()), $"probe {probe}'s lines are out of order in {file}");
            }
        }
    }

    private static List<string> Lines(string path) => File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static int LineCount(string path) => File.Exists(path) ? File.ReadAllText(path).Count(c => c == '\n') : 0;
}
