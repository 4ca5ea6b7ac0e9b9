using System.Text;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Tests.Sessions;

/// <summary>
/// A session as a host leaves it, written directly with the transport (no host process): its
/// "host" is this test process, alive or — with a start time that does not match — long gone.
/// </summary>
internal sealed class FakeSession : IDisposable
{
    public const long RingCapacity = 64 * 1024;

    private readonly RingWriter[] _rings;
    private readonly RingWriter _messages;

    public FakeSession(string root, string name, int cpus = 1, bool bulk = false, RingPolicy policy = RingPolicy.Discard, bool hostAlive = false)
    {
        Paths = SessionPaths.For(name, root);
        Paths.CreateDirectory();
        int pid = Environment.ProcessId;
        long startTime = hostAlive ? ProcessStartTime.Of(pid) : ProcessStartTime.Of(pid) + 1;
        Header = SessionHeader.Create(Paths.HeaderPath, new SessionInfo(name, "/m/" + name + ".dll", pid, startTime, policy, bulk, cpus, RingCapacity));
        Header.State = HostState.Running;
        _rings = [.. Enumerable.Range(0, cpus).Select(cpu => RingWriter.Create(Paths.RingPath(cpu), cpu, RingCapacity, policy, pid))];
        _messages = RingWriter.Create(Paths.MessagesPath, -1, RingCapacity, RingPolicy.Overwrite, pid);
    }

    public SessionPaths Paths { get; }

    public SessionHeader Header { get; }

    public int HostPid => Header.Info.HostPid;

    public FakeSession Write(int cpu, params string[] records)
    {
        foreach (string record in records)
        {
            _rings[cpu].Commit(Encoding.UTF8.GetBytes(record));
        }

        return this;
    }

    public FakeSession Message(string line)
    {
        _messages.Commit(Encoding.UTF8.GetBytes(line));
        return this;
    }

    /// <summary>The module stopped with no consumer attached: its host recorded the status and left.</summary>
    public FakeSession Exited(int code)
    {
        Header.ExitCode = code;
        Header.State = HostState.Exited;
        return this;
    }

    public void Dispose()
    {
        foreach (var ring in _rings)
        {
            ring.Dispose();
        }

        _messages.Dispose();
        Header.Dispose();
    }
}
