using System.Net.Sockets;
using FlightRec.Runtime.Host;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Host;

public sealed class ControlProtocolTests : IDisposable
{
    private readonly TemporaryRoot _root = new();
    private readonly SessionPaths _paths;
    private readonly SessionHeader _header;
    private readonly ControlServer _server;
    private int _exitRequests;

    public ControlProtocolTests()
    {
        _paths = SessionPaths.For("rec", _root.Sessions);
        _paths.CreateDirectory();
        int pid = Environment.ProcessId;
        _header = SessionHeader.Create(_paths.HeaderPath, new SessionInfo("rec", "/m/rec.dll", pid, ProcessStartTime.Of(pid),
            RingPolicy.Overwrite, false, 2, 64 * 1024));
        _header.State = HostState.Running;
        _server = new ControlServer(_paths.ControlSocketPath, _header, () => Interlocked.Increment(ref _exitRequests));
        _server.Start();
    }

    private ControlClient Connect() => ControlClient.Connect(_paths);

    [Fact]
    public void AttachClaimsTheSessionAndStatusShowsTheConsumer()
    {
        using var client = Connect();

        Assert.Equal(new AttachResult(true, 0), client.Attach());
        Assert.Equal(Environment.ProcessId, _header.ConsumerPid);
        Assert.Equal($"status running overwrite {Environment.ProcessId}", client.Status());
    }

    [Fact]
    public void ASecondConsumerIsBusyWithTheFirstOnesPidUntilTheFirstDetaches()
    {
        using var first = Connect();
        using var second = Connect();
        first.Attach();

        Assert.Equal(new AttachResult(false, Environment.ProcessId), second.Attach());

        first.Detach();
        Assert.Equal(0, _header.ConsumerPid);
        Assert.Equal("status running overwrite 0", second.Status());
        Assert.True(second.Attach().Ok);
    }

    [Fact]
    public void AClosedConnectionReleasesTheClaim()
    {
        var first = Connect();
        first.Attach();
        using var second = Connect();

        first.Dispose();

        Assert.True(Eventually(() => second.Attach().Ok), "the claim of a closed connection is taken over");
        Assert.Equal(Environment.ProcessId, _header.ConsumerPid);
    }

    [Fact]
    public void ExitAsksTheHostToStop()
    {
        using var client = Connect();

        client.RequestExit();

        // The server acts on "exit" right after replying (so the reply is never lost when the
        // host then stops at once): wait for it rather than assume it came first.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _exitRequests) > 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, Volatile.Read(ref _exitRequests));
    }

    [Fact]
    public void TheAttachedConsumerIsToldTheExitCodeAndItsDoneLetsTheHostRemoveTheSession()
    {
        using var client = Connect();
        client.Attach();

        Assert.True(_server.NotifyExited(1));
        Assert.Equal(1, client.WaitForExit(5000));
        client.Done();

        Assert.True(_server.WaitForDone());
    }

    [Fact]
    public void WithoutAConsumerTheDataIsKept()
    {
        Assert.False(_server.NotifyExited(0));
        Assert.False(_server.WaitForDone());
    }

    [Fact]
    public void AConsumerThatGoesAwayInsteadOfDoneLeavesTheDataInPlace()
    {
        var client = Connect();
        client.Attach();
        Assert.True(_server.NotifyExited(0));

        client.Dispose();

        Assert.False(_server.WaitForDone());
    }

    [Fact]
    public void AConsumerAttachingAfterTheExitIsToldAtOnce()
    {
        _server.NotifyExited(0);
        using var client = Connect();

        Assert.True(client.Attach().Ok);
        Assert.Equal(0, client.WaitForExit(5000));
    }

    [Fact]
    public void AZeroTimeoutStillPicksUpAnExitThatHasArrived()
    {
        using var client = Connect();
        client.Attach();
        _server.NotifyExited(3);

        Assert.True(Eventually(() => client.WaitForExit(0) == 3), "WaitForExit(0) reads what is there");
    }

    [Fact]
    public void WaitForExitTimesOutWithNull()
    {
        using var client = Connect();
        client.Attach();

        Assert.Null(client.WaitForExit(50));
    }

    [Fact]
    public void UnknownCommandsAndBadPidsAreAnsweredWithAnError()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(_paths.ControlSocketPath));
        using var channel = new LineChannel(socket);

        channel.WriteLine("frob");
        Assert.Equal("error unknown command 'frob'", channel.ReadLine(5000));
        channel.WriteLine("attach me");
        Assert.Equal("error attach needs the consumer's pid", channel.ReadLine(5000));
    }

    [Fact]
    public void ConnectingWhereNoHostListensIsAnIOException()
    {
        var nowhere = SessionPaths.For("nobody", _root.Sessions);

        Assert.Throws<IOException>(() => ControlClient.Connect(nowhere));
    }

    [Fact]
    public void TheSocketIsOwnerOnly()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.ControlSocketPath));
    }

    private static bool Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 100; i++)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    public void Dispose()
    {
        _server.Dispose();
        _header.Dispose();
        _root.Dispose();
    }
}
