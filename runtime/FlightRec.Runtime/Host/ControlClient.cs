using System.Globalization;
using System.Net.Sockets;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Host;

/// <summary>
/// frrun's end of a host's control socket (<see cref="ControlProtocol"/>). Not thread-safe:
/// one consumer thread talks to its host. The unsolicited <c>exited CODE</c> may arrive
/// before a reply; it is remembered for <see cref="WaitForExit"/>. A host that has gone (crashed,
/// or finished before we spoke) makes every call throw <see cref="IOException"/>.
/// </summary>
public sealed class ControlClient : IDisposable
{
    private const int ReplyTimeoutMs = 10_000;
    private readonly LineChannel _channel;
    private int? _exitCode;

    private ControlClient(LineChannel channel) => _channel = channel;

    /// <summary>The code from <c>exited CODE</c>, once it has arrived.</summary>
    public int? ExitCode => _exitCode;

    /// <summary>Connects to the session's host; <see cref="IOException"/> if no host listens there.</summary>
    public static ControlClient Connect(SessionPaths paths)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(paths.ControlSocketPath));
            return new ControlClient(new LineChannel(socket));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new IOException($"no host for module {paths.Name} is listening: {e.Message}", e);
        }
    }

    /// <summary>Claims the consumer role for this process; <see cref="UnauthorizedAccessException"/> if the host refuses this user.</summary>
    public AttachResult Attach()
    {
        string reply = Command($"attach {Environment.ProcessId}");
        if (reply == ControlProtocol.Ok)
        {
            return new AttachResult(true, 0);
        }

        if (reply.StartsWith(ControlProtocol.BusyPrefix, StringComparison.Ordinal)
            && int.TryParse(reply.AsSpan(ControlProtocol.BusyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return new AttachResult(false, pid);
        }

        throw Unexpected("attach", reply);
    }

    public void Detach() => Expect("detach", ControlProtocol.Ok);

    /// <summary>Asks the module to stop: end probes run, the data stays in the rings.</summary>
    public void RequestExit() => Expect("exit", ControlProtocol.Ok);

    /// <summary>The whole reply line, <c>status STATE POLICY CONSUMERPID</c>.</summary>
    public string Status()
    {
        string reply = Command("status");
        return reply.StartsWith(ControlProtocol.StatusPrefix, StringComparison.Ordinal) ? reply : throw Unexpected("status", reply);
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (-1: forever) for <c>exited CODE</c>; null on
    /// timeout. <see cref="IOException"/> if the host closed the connection without it (it died).
    /// </summary>
    public int? WaitForExit(int timeoutMs)
    {
        if (_exitCode is not null)
        {
            return _exitCode;
        }

        string? line = Read(timeoutMs);
        while (line is not null && _exitCode is null)
        {
            line = Read(timeoutMs);
        }

        return _exitCode;
    }

    /// <summary>Tells the host everything has been drained: it removes the session and exits.</summary>
    public void Done()
    {
        _channel.WriteLine("done");
        try
        {
            _ = Read(ReplyTimeoutMs);
        }
        catch (IOException)
        {
            // The host may close the connection as soon as it has our word: that is fine.
        }
    }

    private void Expect(string command, string reply)
    {
        string actual = Command(command);
        if (actual != reply)
        {
            throw Unexpected(command, actual);
        }
    }

    private string Command(string command)
    {
        _channel.WriteLine(command);
        while (true)
        {
            string line = Read(ReplyTimeoutMs) ?? throw new IOException($"the host did not answer '{command}'");
            if (!line.StartsWith(ControlProtocol.ExitedPrefix, StringComparison.Ordinal))
            {
                return line == ControlProtocol.Denied
                    ? throw new UnauthorizedAccessException("the host refused the connection: permission denied")
                    : line;
            }
        }
    }

    /// <summary>The next line; an <c>exited CODE</c> line is also recorded.</summary>
    private string? Read(int timeoutMs)
    {
        string? line = _channel.ReadLine(timeoutMs);

        if (line is not null && line.StartsWith(ControlProtocol.ExitedPrefix, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(ControlProtocol.ExitedPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code))
        {
            _exitCode = code;
        }

        return line;
    }

    private static IOException Unexpected(string command, string reply) => new($"unexpected reply to '{command}': {reply}");

    public void Dispose() => _channel.Dispose();
}
