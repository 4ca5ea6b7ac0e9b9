using System.Globalization;
using System.Net.Sockets;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Host;

/// <summary>
/// The host's end of control.sock (<see cref="ControlProtocol"/>): accepts connections from the
/// owner or root only (SO_PEERCRED), grants the consumer claim to one connection at a time,
/// releases it when that connection closes (a crashed consumer's claim is taken over), and
/// tells the consumer when the module has exited. One thread accepts, one serves each connection.
/// </summary>
public sealed class ControlServer : IDisposable
{
    private const int PollMs = 100;
    private readonly string _socketPath;
    private readonly SessionHeader _header;
    private readonly Action _requestExit;
    private readonly uint _ownerUid = UserIds.EffectiveUid();
    private readonly object _gate = new();
    private readonly List<Thread> _threads = [];
    private readonly List<LineChannel> _connections = [];
    private Socket? _listener;
    private volatile bool _stopping;
    private LineChannel? _consumer;
    private int _consumerPid;
    private bool _everAttached;
    private int? _exitCode;
    private TaskCompletionSource<bool>? _done;

    public ControlServer(string socketPath, SessionHeader header, Action requestExit)
    {
        _socketPath = socketPath;
        _header = header;
        _requestExit = requestExit;
    }

    /// <summary>The pid of the attached consumer, 0 if none.</summary>
    public int ConsumerPid
    {
        get
        {
            lock (_gate)
            {
                return _consumerPid;
            }
        }
    }

    /// <summary>Binds the socket (0600) and starts accepting.</summary>
    public void Start()
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(_socketPath));
            File.SetUnixFileMode(_socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        StartThread(AcceptLoop, "frrun control");
    }

    /// <summary>
    /// The module has stopped and all its output is committed: sends <c>exited CODE</c> to the
    /// attached consumer. Returns whether one was attached; from now on <see cref="WaitForDone"/>
    /// waits for it, and a consumer attaching later is told at once.
    /// </summary>
    public bool NotifyExited(int code)
    {
        lock (_gate)
        {
            _exitCode = code;
            _done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_consumer is null)
            {
                return false;
            }

            return TrySend(_consumer, ControlProtocol.ExitedPrefix + code.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Whether any consumer has attached since the host started.</summary>
    public bool EverAttached
    {
        get
        {
            lock (_gate)
            {
                return _everAttached;
            }
        }
    }

    /// <summary>
    /// After <see cref="NotifyExited"/> found nobody attached: waits for a consumer to attach
    /// (it is told <c>exited</c> at once) while <paramref name="stillComing"/> holds. True if one did.
    /// </summary>
    public bool WaitForConsumer(Func<bool> stillComing, CancellationToken cancel)
    {
        lock (_gate)
        {
            while (_consumer is null)
            {
                if (cancel.IsCancellationRequested || _stopping || !stillComing())
                {
                    return false;
                }

                Monitor.Wait(_gate, PollMs / 5);
            }

            return true;
        }
    }

    /// <summary>
    /// After <see cref="NotifyExited"/>: true when the consumer sent <c>done</c> (it has drained
    /// everything), false when it detached or its connection closed first, or the wait was
    /// cancelled (the data stays).
    /// </summary>
    public bool WaitForDone(CancellationToken cancel = default)
    {
        Task<bool> done;
        lock (_gate)
        {
            if (_done is null)
            {
                throw new InvalidOperationException("the module has not exited");
            }

            if (_consumer is null)
            {
                _done.TrySetResult(false);
            }

            done = _done.Task;
        }

        try
        {
            done.Wait(cancel);
            return done.Result;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void AcceptLoop()
    {
        var listener = _listener!;
        while (!_stopping)
        {
            Socket socket;
            try
            {
                if (!listener.Poll(PollMs * 1000, SelectMode.SelectRead))
                {
                    continue;
                }

                socket = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stopping)
                {
                    return;
                }

                continue;
            }

            var channel = new LineChannel(socket);
            lock (_gate)
            {
                if (_stopping)
                {
                    channel.Dispose();
                    return;
                }

                _connections.Add(channel);
            }

            StartThread(() => Serve(channel), "frrun control client");
        }
    }

    private void Serve(LineChannel channel)
    {
        try
        {
            var peer = PeerCredentials.Of(channel.Socket);
            if (peer.Uid != _ownerUid && peer.Uid != 0)
            {
                TrySend(channel, ControlProtocol.Denied);
                return;
            }

            while (!_stopping)
            {
                string? line = channel.ReadLine(PollMs);
                if (line is null)
                {
                    continue;
                }

                bool sent = TrySend(channel, Handle(channel, line));
                if (line == "exit")
                {
                    // Only after the reply: a host with nobody attached stops at once and
                    // closes every connection, which would otherwise swallow the "ok".
                    _requestExit();
                }

                if (!sent)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The peer went away (or we are stopping): its claim is released below.
        }
        finally
        {
            Release(channel);
            lock (_gate)
            {
                _connections.Remove(channel);
            }

            channel.Dispose();
        }
    }

    private string Handle(LineChannel channel, string line)
    {
        int space = line.IndexOf(' ');
        string command = space < 0 ? line : line[..space];
        string argument = space < 0 ? "" : line[(space + 1)..];
        switch (command)
        {
            case "attach":
                return int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
                    ? Attach(channel, pid)
                    : ControlProtocol.ErrorPrefix + "attach needs the consumer's pid";
            case "detach":
                Release(channel);
                return ControlProtocol.Ok;
            case "exit":
                return ControlProtocol.Ok;
            case "status":
                return ControlProtocol.StatusLine(_header.State, _header.Info.Policy, ConsumerPid);
            case "done":
                lock (_gate)
                {
                    if (ReferenceEquals(_consumer, channel))
                    {
                        _done?.TrySetResult(true);
                    }
                }

                return ControlProtocol.Ok;
            default:
                return ControlProtocol.ErrorPrefix + $"unknown command '{command}'";
        }
    }

    private string Attach(LineChannel channel, int pid)
    {
        lock (_gate)
        {
            // A live holder keeps the claim; one whose process died without closing the
            // connection (it was inherited by a child, say) loses it.
            if (_consumer is not null && !ReferenceEquals(_consumer, channel) && ProcessSignals.Exists(_consumerPid))
            {
                return ControlProtocol.BusyPrefix + _consumerPid.ToString(CultureInfo.InvariantCulture);
            }

            _consumer = channel;
            _consumerPid = pid;
            _everAttached = true;
            _header.ConsumerPid = pid;
            Monitor.PulseAll(_gate);
            if (_exitCode is int code)
            {
                // The module stopped before this consumer came: reply first, then the news.
                ThreadPool.QueueUserWorkItem(_ => TrySend(channel, ControlProtocol.ExitedPrefix + code.ToString(CultureInfo.InvariantCulture)));
            }

            return ControlProtocol.Ok;
        }
    }

    private void Release(LineChannel channel)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_consumer, channel))
            {
                return;
            }

            _consumer = null;
            _consumerPid = 0;
            _header.ConsumerPid = 0;
            _done?.TrySetResult(false);
        }
    }

    private static bool TrySend(LineChannel channel, string line)
    {
        try
        {
            channel.WriteLine(line);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    private void StartThread(ThreadStart body, string name)
    {
        var thread = new Thread(body) { IsBackground = true, Name = name };
        lock (_gate)
        {
            _threads.Add(thread);
        }

        thread.Start();
    }

    /// <summary>Stops accepting, closes every connection and waits for the server's threads.</summary>
    public void Dispose()
    {
        _stopping = true;
        List<Thread> threads;
        lock (_gate)
        {
            threads = [.. _threads];
            _done?.TrySetResult(false);
            // Wake the threads at once rather than at their next poll: the host's exit waits for them.
            _listener?.Dispose();
            foreach (var connection in _connections)
            {
                try
                {
                    connection.Socket.Shutdown(SocketShutdown.Both);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                }
            }
        }

        foreach (var thread in threads)
        {
            if (thread != Thread.CurrentThread)
            {
                thread.Join();
            }
        }

        try
        {
            File.Delete(_socketPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
