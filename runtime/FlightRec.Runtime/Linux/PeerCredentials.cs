using System.Net.Sockets;

namespace FlightRec.Runtime.Linux;

/// <summary>getsockopt(SO_PEERCRED) on a connected Unix domain socket: who is on the other end.</summary>
public static class PeerCredentials
{
    private const int SOL_SOCKET = 1;
    private const int SO_PEERCRED = 17;

    /// <summary>struct ucred { pid_t pid; uid_t uid; gid_t gid; } of the peer, taken when it connected.</summary>
    public static (int Pid, uint Uid, uint Gid) Of(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[12];
        int length = socket.GetRawSocketOption(SOL_SOCKET, SO_PEERCRED, ucred);
        if (length < 12)
        {
            throw new SocketException((int)SocketError.ProtocolNotSupported);
        }

        return (BitConverter.ToInt32(ucred), BitConverter.ToUInt32(ucred[4..]), BitConverter.ToUInt32(ucred[8..]));
    }
}
