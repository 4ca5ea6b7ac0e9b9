using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Transport;

namespace FlightRec.Benchmarks.Transport;

/// <summary>
/// The attached consumer's drain: 32 MB of records (64-byte or 1 KiB payloads) in a 64 MB
/// ring, read with <see cref="SessionReader.Drain"/> into a sink that copies every payload
/// into a buffer written to Stream.Null, as the console output path would. Each operation
/// first moves the shared read position back to the start, so every one drains the same
/// 32 MB. Goal ≥ 1 GB/s of payload (the Payload GB/s column).
/// </summary>
[Config(typeof(TransportBenchmarkConfig))]
public class SessionDrainBenchmarks
{
    private const long Capacity = 64L * 1024 * 1024;
    private const long Filled = 32L * 1024 * 1024;

    private readonly CopyingRecordSink _sink = new();
    private BenchSession _session = null!;
    private RingView _consumer = null!;
    private SessionReader _reader = null!;

    [Params(64, 1024)]
    public int PayloadBytes { get; set; }

    public static long PayloadBytesPerDrain(int payloadBytes) => Filled / RingLayout.RecordSize(payloadBytes) * payloadBytes;

    [GlobalSetup]
    public void Setup()
    {
        _session = new BenchSession(Capacity, RingPolicy.Discard);
        var payload = new byte[PayloadBytes];
        new Random(PayloadBytes).NextBytes(payload);
        for (long i = Filled / RingLayout.RecordSize(PayloadBytes); i > 0; i--)
        {
            _session.Ring.Commit(payload);
        }

        _consumer = _session.OpenView();
        _reader = SessionReader.Open(_session.Paths);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _reader.Dispose();
        _consumer.Dispose();
        _session.Dispose();
    }

    [Benchmark]
    public long Drain()
    {
        _consumer.ConsumerPosition = 0;
        _consumer.ConsumerSequence = 0;
        _consumer.ConsumerStream = 0;
        long before = _sink.Bytes;
        while (_reader.Drain(_sink))
        {
        }

        return _sink.Bytes - before;
    }
}
