using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;
using FlightRec.Runtime.Tests.Execution;

namespace FlightRec.Runtime.Tests.Providers;

public sealed class ProviderRegistryTests
{
    [Fact]
    public void SessionProbesNeedNoProviderAndTimersGetOneSourceEach()
    {
        var module = new TestModule();
        module.Add(ProbeKind.Begin, "begin", _ => { });
        module.Add(ProbeKind.End, "end", _ => { });
        module.Add(ProbeKind.Error, "error", _ => { });
        module.Add(ProbeKind.Never, "never", _ => { });
        var fast = module.Add(ProbeKind.Event, "timer.ms(10)", _ => { });
        var slow = module.Add(ProbeKind.Event, "timer.s(1).randomize(0)", _ => { });

        ProviderRegistry.Default.Validate(module);
        var sources = ProviderRegistry.Default.CreateSources(module);
        try
        {
            Assert.Equal([fast, slow], sources.Select(s => s.Probe));
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    [Fact]
    public void AnEventProbeNoProviderKnowsIsALoadTimeError()
    {
        var module = new TestModule();
        module.Add(ProbeKind.Event, "timer.ms(10)", _ => { });
        module.Add(ProbeKind.Event, "timer.profile", _ => { });

        var e = Assert.Throws<ProbePointException>(() => ProviderRegistry.Default.Validate(module));

        Assert.Equal("probe point timer.profile: not supported by this runtime (no provider can arm it)", e.Message);
    }

    [Fact]
    public void ABadTimerIsALoadTimeError()
    {
        var module = new TestModule();
        module.Add(ProbeKind.Event, "timer.us(1)", _ => { });

        var e = Assert.Throws<ProbePointException>(() => ProviderRegistry.Default.Validate(module));

        Assert.Equal("probe point timer.us(1): interval value out of range (100, 86400000000)", e.Message);
    }
}
