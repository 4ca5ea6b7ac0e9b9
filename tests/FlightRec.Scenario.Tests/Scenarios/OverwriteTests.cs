using System.Globalization;
using FlightRec.Scenario.Tests.Harness;
using Xunit.Abstractions;

namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>
/// Acceptance 2: a module writes 20 MB into a 1 MB ring while nobody is attached. The dump
/// shows a contiguous tail that ends at the newest record, and the overwrite warning counts
/// exactly the records (and their bytes) that are no longer there.
/// </summary>
public sealed class OverwriteTests(ITestOutputHelper output)
{
    private const string Name = "flood";
    private const int Records = 5120;
    private const int RecordSize = 4096;

    [Fact]
    public void DumpShowsTheNewestContiguousTailAndCountsTheOverwrittenRecords()
    {
        using var scenario = ScenarioContext.Begin(output);
        if (scenario is null)
        {
            return;
        }

        string done = scenario.WorkFile("flood.done");
        var launch = scenario.Run("-L", "-b", "1", scenario.Module(TestModuleSource.Flood), $"records={Records}", $"donefile={done}");
        Assert.Equal(0, launch.ExitCode);
        Assert.Equal(ScenarioMessages.Disconnect(Name), launch.Stderr);
        ScenarioContext.WaitUntil(() => File.Exists(done), TimeSpan.FromSeconds(60), () => $"flood to write its {Records} records");

        var dump = scenario.Run("-D", Name);
        Assert.Equal(0, dump.ExitCode);
        var numbers = RecordNumbers(dump.Stdout);
        Assert.NotEmpty(numbers);
        Assert.Equal(Records, numbers[^1]);
        long first = numbers[0];
        SequenceAssert.Contiguous(numbers, first, "the dumped records");
        // The 1 MB ring holds at most 256 records of 4 KB (fewer, with record headers).
        Assert.InRange(numbers.Count, 1, 1024 * 1024 / RecordSize);
        long overwritten = Records - numbers.Count;
        Assert.Equal(ScenarioMessages.Overwritten(overwritten, overwritten * RecordSize), dump.Stderr);

        // Non-destructive: the module is idle now, so a second dump is the same dump.
        var again = scenario.Run("-D", Name);
        Assert.Equal(dump, again);
        Assert.True(scenario.IsHostAlive(Name), "the host stopped after the dumps");
    }

    /// <summary>The number at the head of each record; every record is one 4096-byte line.</summary>
    private static List<long> RecordNumbers(string stdout)
    {
        Assert.True(stdout.Length % RecordSize == 0, $"the dump is {stdout.Length} bytes, not a whole number of {RecordSize}-byte records");
        var numbers = new List<long>();
        for (int offset = 0; offset < stdout.Length; offset += RecordSize)
        {
            var record = stdout.AsSpan(offset, RecordSize);
            Assert.True(record[^1] == '\n' && record[10] == ' ', $"damaged record at byte {offset} of the dump: {record[..16].ToString()}…");
            numbers.Add(long.Parse(record[..10], CultureInfo.InvariantCulture));
        }

        return numbers;
    }
}
