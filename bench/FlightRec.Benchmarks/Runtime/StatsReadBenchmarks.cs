using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Output;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>Reading a stats value: the merged extractors (no allocation) and printing a log histogram.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StatsReadBenchmarks
{
    private sealed class NullSink : IOutputSink
    {
        public void Commit(ReadOnlySpan<byte> output)
        {
        }
    }

    private readonly OutputBuffer _output = new(new NullSink());
    private StatsValue _stats = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stats = new StatsValue(new StatsDescriptor(HistogramShape.Log), slotCount: 2);
        var random = new Random(42);
        for (int i = 0; i < 10_000; i++)
        {
            _stats.Add(i & 1, random.NextInt64(0, 1_000_000));
        }
    }

    [Benchmark]
    public long ReadVariance() => _stats.Read().Variance();

    [Benchmark]
    public void PrintLogHistogram() => _stats.ReadHistogram().Print(_output, ScriptLimits.Default);
}
