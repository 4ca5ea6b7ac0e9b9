using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FlightRec.Benchmarks.Runtime;

/// <summary>
/// The short job of the map benchmarks (1 launch, 3 warm-ups, 10 iterations), run in process:
/// on the shared 2-core machine the per-job project build BenchmarkDotNet normally does
/// regularly exceeds its 120 s timeout, and nanosecond-scale map operations need no process
/// isolation.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MapBenchmarkJobAttribute : JobConfigBaseAttribute
{
    public MapBenchmarkJobAttribute()
        : base(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance))
    {
    }
}
