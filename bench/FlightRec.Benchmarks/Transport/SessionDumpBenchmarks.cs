using BenchmarkDotNet.Attributes;
using FlightRec.Runtime.Transport;

namespace FlightRec.Benchmarks.Transport;

/// <summary>
/// frrun -D of a full 64 MB overwrite ring that has wrapped (1.5 laps written), 64-byte or
/// 1 KiB payloads, into the copying sink: opening the files, validating and copying every
/// record, merging by timestamp. Goal &lt; 1 s.
/// </summary>
[Config(typeof(TransportBenchmarkConfig))]
public class SessionDumpBenchmarks
{
    private const long Capacity = 64L * 1024 * 1024;

    private static readonly Dictionary<int, long> DumpedPayloadBytes = [];

    private readonly CopyingRecordSink _sink = new();
    private BenchSession _session = null!;

    [Params(64, 1024)]
    public int PayloadBytes { get; set; }

    /// <summary>What one dump delivers (measured once by dumping a ring filled the same way).</summary>
    public static long PayloadBytesPerDump(int payloadBytes)
    {
        lock (DumpedPayloadBytes)
        {
            if (!DumpedPayloadBytes.TryGetValue(payloadBytes, out long bytes))
            {
                using var session = Fill(payloadBytes);
                var sink = new CopyingRecordSink();
                SessionDump.Dump(session.Paths, sink);
                DumpedPayloadBytes[payloadBytes] = bytes = sink.Bytes;
            }

            return bytes;
        }
    }

    [GlobalSetup]
    public void Setup() => _session = Fill(PayloadBytes);

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark]
    public DumpSummary Dump() => SessionDump.Dump(_session.Paths, _sink);

    private static BenchSession Fill(int payloadBytes)
    {
        var session = new BenchSession(Capacity, RingPolicy.Overwrite);
        var payload = new byte[payloadBytes];
        new Random(payloadBytes).NextBytes(payload);
        for (long i = Capacity * 3 / 2 / RingLayout.RecordSize(payloadBytes); i > 0; i--)
        {
            session.Ring.Commit(payload);
        }

        return session;
    }
}
