using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FlightRec.Benchmarks.Transport;

/// <summary>
/// The transport benchmarks' job: in process (the rings live in shared memory files, and the
/// per-job project build BenchmarkDotNet otherwise does times out on the shared 2-core
/// machine), 1 launch, 3 warm-ups, 10 iterations, allocations measured, and the payload
/// throughput of the drain benchmarks as a column.
/// </summary>
public sealed class TransportBenchmarkConfig : ManualConfig
{
    public TransportBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new PayloadThroughputColumn());
    }
}
