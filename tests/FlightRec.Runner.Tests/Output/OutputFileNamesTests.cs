using FlightRec.Runner.Output;

namespace FlightRec.Runner.Tests.Output;

public class OutputFileNamesTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero));

    [Fact]
    public void StreamModeStartsWithThePlainNameAndNumbersLaterFilesFromOne()
    {
        var names = new OutputFileNames("/tmp/out", rotating: false, Clock);

        Assert.Equal(["/tmp/out", "/tmp/out.1", "/tmp/out.2"], [names.For(0, null), names.For(1, null), names.For(2, null)]);
    }

    [Fact]
    public void RotationNumbersEveryFileFromZero()
    {
        var names = new OutputFileNames("/tmp/out", rotating: true, Clock);

        Assert.Equal(["/tmp/out.0", "/tmp/out.1"], [names.For(0, null), names.For(1, null)]);
    }

    [Fact]
    public void BulkModeNamesOneSequencePerCpu()
    {
        var names = new OutputFileNames("/tmp/out", rotating: false, Clock);

        Assert.Equal(["/tmp/out_cpu0", "/tmp/out_cpu3", "/tmp/out_cpu3.1"], [names.For(0, 0), names.For(0, 3), names.For(1, 3)]);
    }

    [Fact]
    public void BulkModeWithRotationNumbersEachCpusFilesFromZero()
    {
        var names = new OutputFileNames("/tmp/out", rotating: true, Clock);

        Assert.Equal(["/tmp/out_cpu1.0", "/tmp/out_cpu1.7"], [names.For(0, 1), names.For(7, 1)]);
    }

    [Fact]
    public void ExpandsTheTimeEachTimeAFileIsNamed()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero));
        var names = new OutputFileNames("/tmp/trace-%H%M%S", rotating: true, clock);

        string first = names.For(0, null);
        clock.UtcNow = clock.UtcNow.AddSeconds(1);

        Assert.Equal(["/tmp/trace-140709.0", "/tmp/trace-140710.1"], [first, names.For(1, null)]);
    }

    [Fact]
    public void UsesLocalTime()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus3", TimeSpan.FromHours(3), "plus3", "plus3");
        var names = new OutputFileNames("/tmp/%F-%H", rotating: false, new FixedClock(new DateTimeOffset(2024, 3, 5, 22, 0, 0, TimeSpan.Zero), zone));

        Assert.Equal("/tmp/2024-03-06-01", names.For(0, null));
    }

    [Fact]
    public void DevNullIsNeverNumbered()
    {
        var names = new OutputFileNames("/dev/null", rotating: true, Clock);

        Assert.Equal(["/dev/null", "/dev/null"], [names.For(3, null), names.For(1, 2)]);
    }

    [Fact]
    public void AnInvalidPatternIsReportedWithStaprunsMessage()
    {
        var names = new OutputFileNames("/tmp/out-%Q", rotating: false, Clock);

        var error = Assert.Throws<OutputFileException>(() => names.For(0, null));
        Assert.Equal("Invalid FILE name format", error.Message);
    }
}
