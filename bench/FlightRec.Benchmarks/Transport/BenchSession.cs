using FlightRec.Runtime.Transport;

namespace FlightRec.Benchmarks.Transport;

/// <summary>
/// A one-CPU session of the given ring capacity in a private root on tmpfs (where real
/// sessions live), so that nothing the benchmarks do shows up among the user's sessions.
/// </summary>
internal sealed class BenchSession : IDisposable
{
    private readonly string _root;

    public BenchSession(long capacity, RingPolicy policy)
    {
        string parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _root = Path.Combine(parent, $"flightrec-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Paths = SessionPaths.For("bench", _root);
        Paths.CreateDirectory();
        int pid = Environment.ProcessId;
        Header = SessionHeader.Create(Paths.HeaderPath,
            new SessionInfo("bench", "bench.dll", pid, ProcessStartTime.Of(pid), policy, false, 1, capacity));
        Ring = RingWriter.Create(Paths.RingPath(0), 0, capacity, policy, pid);
        Messages = RingWriter.Create(Paths.MessagesPath, -1, 64 * 1024, RingPolicy.Overwrite, pid);
    }

    public SessionPaths Paths { get; }

    public SessionHeader Header { get; }

    public RingWriter Ring { get; }

    public RingWriter Messages { get; }

    /// <summary>The ring's header as a consumer sees it: read positions can be moved from here.</summary>
    public RingView OpenView() =>
        RingView.Open(Paths.RingPath(0), writable: true, out string? problem) ?? throw new InvalidOperationException(problem);

    public void Dispose()
    {
        Ring.Dispose();
        Messages.Dispose();
        Header.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
