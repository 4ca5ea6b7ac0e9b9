using FlightRec.Runtime.Providers;
using FlightRec.Runtime.Providers.Perf;

namespace FlightRec.Runtime.Tests.Providers.Perf;

public sealed class PerfProbePointTests
{
    [Theory]
    [InlineData("perf.type(1).config(2).sample(1000000)", 1u, 2ul, 1000000ul, false, PerfProcessScope.SystemWide, null)]
    [InlineData("perf.type(0).config(9).hz(4000).process", 0u, 9ul, 4000ul, true, PerfProcessScope.Target, null)]
    [InlineData("perf.type(3).config(65538).sample(7).process(\"/bin/ls\")", 3u, 65538ul, 7ul, false, PerfProcessScope.Executable, "/bin/ls")]
    public void CanonicalPointsParseAndPrintBack(string point, uint type, ulong config, ulong rate, bool hz, PerfProcessScope scope, string? path)
    {
        var parsed = PerfProbePoint.Parse(point);
        var sampling = hz ? PerfSampling.Frequency(rate) : PerfSampling.Period(rate);
        Assert.Equal(new PerfProbePoint(type, config, sampling, scope, path), parsed);
        Assert.Equal(point, parsed!.ToString());
    }

    [Theory]
    [InlineData("perf.type(1).config(2).sample(0)")]
    [InlineData("perf.type(1).config(2)")]
    [InlineData("perf.sw.page_faults")]
    [InlineData("perf.type(1).config(2).sample(1).counter(\"a\")")]
    public void OtherPerfTextIsALoadTimeError(string point)
    {
        Assert.Null(PerfProbePoint.Parse(point));
        var error = Assert.Throws<ProbePointException>(() => new PerfCounterProvider().Recognizes(point));
        Assert.Equal($"probe point {point}: not a perf point (perf.type(T).config(C).sample(N) or .hz(F), then optionally .process or .process(\"PATH\"))", error.Message);
    }

    [Theory]
    [InlineData("timer.profile.tick")]
    [InlineData("kernel.trace(\"perf:x\")")]
    public void OtherFamiliesAreNotPerfs(string point) => Assert.False(new PerfCounterProvider().Recognizes(point));
}
