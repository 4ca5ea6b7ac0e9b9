using System.Text;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Transport;

/// <summary>A session with real ring files in a private temporary root, written through the transport's own writers.</summary>
internal sealed class TestSession : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flightrec-transport-").FullName;

    public TestSession(int cpus = 2, long capacity = 64 * 1024, RingPolicy policy = RingPolicy.Discard, int? hostPid = null, long? hostStart = null)
    {
        Paths = SessionPaths.For("t", _root);
        Paths.CreateDirectory();
        int pid = hostPid ?? Environment.ProcessId;
        Header = SessionHeader.Create(Paths.HeaderPath, new SessionInfo(
            "t", "/nowhere/t.dll", pid, hostStart ?? ProcessStartTime.Of(pid), policy, false, cpus, capacity));
        Rings = [.. Enumerable.Range(0, cpus).Select(c => RingWriter.Create(Paths.RingPath(c), c, capacity, policy, pid))];
        MessagesRing = RingWriter.Create(Paths.MessagesPath, -1, 64 * 1024, RingPolicy.Overwrite, pid);
        Messages = new MessageWriter(MessagesRing);
    }

    public SessionPaths Paths { get; }

    public SessionHeader Header { get; }

    public RingWriter[] Rings { get; }

    public RingWriter MessagesRing { get; }

    public MessageWriter Messages { get; }

    public void Write(int cpu, string text) => Rings[cpu].Commit(Encoding.Latin1.GetBytes(text));

    public CollectingRecordSink Drain()
    {
        var sink = new CollectingRecordSink();
        using var reader = SessionReader.Open(Paths);
        while (reader.Drain(sink))
        {
        }

        return sink;
    }

    public CollectingRecordSink Dump(out DumpSummary summary)
    {
        var sink = new CollectingRecordSink();
        summary = SessionDump.Dump(Paths, sink);
        return sink;
    }

    public void Dispose()
    {
        foreach (var ring in Rings)
        {
            ring.Dispose();
        }

        MessagesRing.Dispose();
        Header.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
