using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// <c>s &lt;&lt;&lt; v</c> on one CPU slot (the hot path; goal ≤ 15 ns, 0 bytes): plain stats, with
/// the variance update (one 64-bit division), and with a log or linear histogram.
/// 1024 samples per invocation so the figure per sample is Mean / 1024.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StatsAddBenchmarks
{
    private const int Samples = 1024;

    private readonly long[] _values = new long[Samples];
    private StatsValue _plain = null!;
    private StatsValue _variance = null!;
    private StatsValue _log = null!;
    private StatsValue _linear = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (int i = 0; i < Samples; i++)
        {
            _values[i] = random.NextInt64(-1_000, 1_000_000);
        }

        _plain = new StatsValue(new StatsDescriptor(HistogramShape.None, tracksVariance: false), Environment.ProcessorCount);
        _variance = new StatsValue(new StatsDescriptor(HistogramShape.None), Environment.ProcessorCount);
        _log = new StatsValue(new StatsDescriptor(HistogramShape.Log, tracksVariance: false), Environment.ProcessorCount);
        _linear = new StatsValue(new StatsDescriptor(HistogramShape.Linear(0, 1_000_000, 10_000), tracksVariance: false), Environment.ProcessorCount);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public void Plain() => Feed(_plain);

    [Benchmark(OperationsPerInvoke = Samples)]
    public void WithVariance() => Feed(_variance);

    [Benchmark(OperationsPerInvoke = Samples)]
    public void LogHistogram() => Feed(_log);

    [Benchmark(OperationsPerInvoke = Samples)]
    public void LinearHistogram() => Feed(_linear);

    private void Feed(StatsValue stats)
    {
        foreach (long value in _values)
        {
            stats.Add(0, value);
        }
    }
}
