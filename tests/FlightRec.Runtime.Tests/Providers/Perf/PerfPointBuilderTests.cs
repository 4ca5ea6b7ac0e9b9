using FlightRec.Runtime.Providers.Catalogue;

namespace FlightRec.Runtime.Tests.Providers.Perf;

public sealed class PerfPointBuilderTests
{
    private static readonly PerfPointBuilder Builder = new(() => "/usr/bin:/bin");

    private static ProbeBuildResult Build(params ProbePointPart[] rest) =>
        Builder.Build([ProbePointPart.Bare("perf"), ProbePointPart.WithNumber("type", 1), ProbePointPart.WithNumber("config", 2), .. rest]);

    [Fact]
    public void WithoutARateThePointShowsStapsDefaultPeriod()
    {
        Assert.Equal("perf.type(1).config(2).sample(1000000)", Assert.Single(Build().Points).Point);
    }

    [Fact]
    public void APeriodAndAFrequencyAreKeptApart()
    {
        Assert.Equal("perf.type(1).config(2).sample(1)", Assert.Single(Build(ProbePointPart.WithNumber("sample", 1)).Points).Point);
        Assert.Equal("perf.type(1).config(2).hz(99)", Assert.Single(Build(ProbePointPart.WithNumber("hz", 99)).Points).Point);
    }

    [Fact]
    public void AProcessPathIsFoundAlongThePathAndABareProcessMeansTheTarget()
    {
        string sh = FlightRec.Runtime.Providers.Processes.ExecutablePath.Find("sh", "/usr/bin:/bin");
        Assert.Equal($"perf.type(1).config(2).sample(10).process(\"{sh}\")",
            Assert.Single(Build(ProbePointPart.WithNumber("sample", 10), ProbePointPart.WithString("process", "sh")).Points).Point);
        Assert.Equal("perf.type(1).config(2).sample(1000000).process", Assert.Single(Build(ProbePointPart.Bare("process")).Points).Point);
    }

    [Theory]
    [InlineData("sample", 0, "invalid perf sample period 0")]
    [InlineData("sample", -5, "invalid perf sample period -5")]
    [InlineData("hz", 0, "invalid perf sample frequency 0")]
    public void ARateBelowOneIsRefused(string name, long value, string error)
    {
        var result = Build(ProbePointPart.WithNumber(name, value));
        Assert.Equal((0, error), (result.Points.Count, result.Error));
    }

    [Fact]
    public void BadTypesConfigsAndEmptyPathsAreRefused()
    {
        var parts = new[] { ProbePointPart.Bare("perf"), ProbePointPart.WithNumber("type", -1), ProbePointPart.WithNumber("config", 0) };
        Assert.Equal("invalid perf event type -1", Builder.Build(parts).Error);
        parts = [ProbePointPart.Bare("perf"), ProbePointPart.WithNumber("type", 0), ProbePointPart.WithNumber("config", -1)];
        Assert.Equal("invalid perf event config -1", Builder.Build(parts).Error);
        Assert.Equal("empty module", Build(ProbePointPart.WithString("process", "")).Error);
    }

    [Fact]
    public void CountersAreNotImplementedYet()
    {
        Assert.Equal("perf counters (.counter and @perf) are not implemented yet", Build(ProbePointPart.WithString("counter", "c")).Error);
    }
}
