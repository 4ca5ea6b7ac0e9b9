using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// The providers a host knows. <see cref="Validate"/> runs before anything is created so that an
/// unknown or malformed point is a load-time error; <see cref="CreateSources"/> opens the
/// facilities for every event probe. Begin/end/error/never probes are the session's own.
/// </summary>
public sealed class ProviderRegistry(IReadOnlyList<IProbeProvider> providers, IReadOnlyList<IStreamProvider> streamProviders)
{
    public ProviderRegistry(IReadOnlyList<IProbeProvider> providers)
        : this(providers, [])
    {
    }

    public static ProviderRegistry Default { get; } = new([new TimerProvider()], [new Tracepoints.TracepointProvider(), new Perf.ProfileTimerProvider(), new Perf.PerfCounterProvider(), new Processes.ProcessProvider()]);

    /// <summary>Throws <see cref="ProbePointException"/> for the first event probe no provider can arm.</summary>
    public void Validate(ProbeModule module)
    {
        foreach (var probe in EventProbes(module))
        {
            _ = StreamProviderOf(probe) is null ? ProviderOf(probe) : null;
        }
    }

    /// <summary>The per-CPU streams of the probes stream providers serve, provider by provider; all are disposed if one fails.</summary>
    /// <param name="targetPid">target() of the session (-c/-x), 0 without one.</param>
    public IReadOnlyList<IEventStream> CreateStreams(ProbeModule module, int targetPid = 0)
    {
        var streams = new List<IEventStream>();
        try
        {
            foreach (var provider in streamProviders)
            {
                var probes = EventProbes(module).Where(p => provider.Recognizes(p.Point)).ToList();
                if (probes.Count > 0)
                {
                    streams.AddRange(provider.Create(probes, targetPid));
                }
            }

            return streams;
        }
        catch
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <summary>One unarmed source per event probe, in declaration order; all are disposed if one fails.</summary>
    public IReadOnlyList<IEventSource> CreateSources(ProbeModule module)
    {
        var sources = new List<IEventSource>();
        try
        {
            foreach (var probe in EventProbes(module).Where(p => StreamProviderOf(p) is null))
            {
                sources.Add(ProviderOf(probe).Create(probe));
            }

            return sources;
        }
        catch
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }

            throw;
        }
    }

    private static IEnumerable<ProbeDescriptor> EventProbes(ProbeModule module) =>
        module.Probes.Where(p => p.Kind == ProbeKind.Event);

    private IStreamProvider? StreamProviderOf(ProbeDescriptor probe) =>
        streamProviders.FirstOrDefault(p => p.Recognizes(probe.Point));

    private IProbeProvider ProviderOf(ProbeDescriptor probe) =>
        providers.FirstOrDefault(p => p.Recognizes(probe.Point))
        ?? throw new ProbePointException(probe.Point, "not supported by this runtime (no provider can arm it)");
}
