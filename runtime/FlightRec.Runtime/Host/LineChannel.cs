using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace FlightRec.Runtime.Host;

/// <summary>
/// ASCII lines over a connected stream socket, both ends of the control protocol. Reads wait
/// with a timeout (so a thread can notice it should stop); writes are serialised, because a
/// reply and an unsolicited <c>exited</c> line may be sent from two threads.
/// </summary>
internal sealed class LineChannel(Socket socket) : IDisposable
{
    private const int MaxLine = 4096;
    private readonly byte[] _buffer = new byte[MaxLine];
    private readonly object _writeGate = new();
    private int _start;
    private int _end;

    public Socket Socket => socket;

    /// <summary>
    /// The next line without its '\n'; null if none arrived within <paramref name="timeoutMs"/>
    /// (-1: wait forever); <see cref="EndOfStreamException"/> when the peer closed the connection,
    /// <see cref="IOException"/> when it failed.
    /// </summary>
    public string? ReadLine(int timeoutMs)
    {
        try
        {
            return Read(timeoutMs);
        }
        catch (SocketException e)
        {
            throw new IOException($"the control connection failed: {e.Message}", e);
        }
    }

    /// <summary>Sends one line; <see cref="IOException"/> if the peer has gone.</summary>
    public void WriteLine(string line)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(line + "\n");
        try
        {
            lock (_writeGate)
            {
                socket.Send(bytes);
            }
        }
        catch (SocketException e)
        {
            throw new IOException($"the control connection failed: {e.Message}", e);
        }
    }

    private string? Read(int timeoutMs)
    {
        long deadline = timeoutMs < 0 ? long.MaxValue : Stopwatch.GetTimestamp() + (timeoutMs * Stopwatch.Frequency / 1000);
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                string line = Encoding.ASCII.GetString(_buffer, _start, newline - _start);
                _start = newline + 1;
                return line;
            }

            Compact();
            if (_end == _buffer.Length)
            {
                throw new IOException("control line too long");
            }

            // A timeout of 0 still looks once at what has arrived: a busy consumer polls that way.
            long remaining = deadline == long.MaxValue ? -1 : Math.Max(0, (deadline - Stopwatch.GetTimestamp()) * 1_000_000 / Stopwatch.Frequency);
            if (!socket.Poll(remaining < 0 ? -1 : (int)Math.Min(remaining, int.MaxValue), SelectMode.SelectRead))
            {
                return null;
            }

            int n = socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (n == 0)
            {
                throw new EndOfStreamException("the control connection was closed");
            }

            _end += n;
        }
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
    }

    public void Dispose() => socket.Dispose();
}
