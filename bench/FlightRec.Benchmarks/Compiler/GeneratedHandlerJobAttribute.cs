using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// The generated-handler benchmark's job: in process (the module is built with Roslyn in setup
/// and loaded into a load context of this process, and the per-job project build BenchmarkDotNet
/// otherwise does times out on the shared 2-core machine), 1 launch, 3 warm-ups, 10 iterations.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GeneratedHandlerJobAttribute : JobConfigBaseAttribute
{
    public GeneratedHandlerJobAttribute()
        : base(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance))
    {
    }
}
