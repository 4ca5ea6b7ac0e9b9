using Xunit;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// The pass-2 benchmark (bench/FlightRec.Benchmarks/Compiler/ElaborateBenchmarks.cs and
/// bench/run-p2-process-benchmark.sh) must time a successful compilation, not an error path:
/// its script and tapset library stay accepted, without warnings.
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class BenchmarkScriptTests
{
    [Fact]
    public void Pass2BenchmarkScriptIsAccepted()
    {
        var outcome = InProcessFrstap.Run(["-p2", "-I", "bench/scripts/p2-tapset", "bench/scripts/p2-300-lines.frs"],
            GoldenCase.RepositoryRoot, GoldenCase.RepositoryTapset);

        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("timer.s(1) /* <- session.tick.slow = timer.s(1) <- session.heartbeat = session.tick.slow <- session.heartbeat */\n",
            outcome.Stdout, StringComparison.Ordinal);
    }
}
