using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Transport;

namespace FlightRec.Benchmarks.Transport;

/// <summary>
/// One handler's output committed as a record: a 64-byte payload into a 64 MB ring that has
/// already wrapped, so every commit also evicts (goal ≤ 50 ns, 0 B). Discard evicts only
/// what the consumer has read, so its benchmark plays a consumer that keeps up: after every
/// 1,000 commits it marks everything read (one store). Overwrite evicts the oldest records.
/// 1,000 commits per invocation, so Mean is per commit.
/// </summary>
[Config(typeof(TransportBenchmarkConfig))]
public class RingCommitBenchmarks
{
    private const long Capacity = 64L * 1024 * 1024;
    private const int Commits = 1000;

    private readonly byte[] _payload = new byte[64];
    private BenchSession _discard = null!;
    private RingView _discardConsumer = null!;
    private BenchSession _overwrite = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(64).NextBytes(_payload);
        _discard = new BenchSession(Capacity, RingPolicy.Discard);
        _discardConsumer = _discard.OpenView();
        _overwrite = new BenchSession(Capacity, RingPolicy.Overwrite);
        long lap = Capacity / RingLayout.RecordSize(_payload.Length);
        for (long i = 0; i <= lap / Commits; i++)
        {
            CommitDiscardWithConsumerKeepingUp();
            CommitOverwriteEvictingOldest();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        long dropped = _discardConsumer.DroppedRecords;
        _discardConsumer.Dispose();
        _discard.Dispose();
        _overwrite.Dispose();
        if (dropped != 0)
        {
            throw new InvalidOperationException($"the discard ring dropped {dropped} records: the consumer did not keep up");
        }
    }

    [Benchmark(OperationsPerInvoke = Commits)]
    public void CommitDiscardWithConsumerKeepingUp()
    {
        var ring = _discard.Ring;
        for (int i = 0; i < Commits; i++)
        {
            ring.Commit(_payload);
        }

        _discardConsumer.ConsumerPosition = _discardConsumer.Head;
    }

    [Benchmark(OperationsPerInvoke = Commits)]
    public void CommitOverwriteEvictingOldest()
    {
        var ring = _overwrite.Ring;
        for (int i = 0; i < Commits; i++)
        {
            ring.Commit(_payload);
        }
    }
}
