using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Sessions;

/// <summary>
/// How many bytes of script output a session's rings retain, counted by a non-destructive
/// dump (the transport has no cheaper public measure of ring use yet).
/// </summary>
internal sealed class RetainedBytes : IRecordSink
{
    private long _bytes;

    public static long Of(SessionPaths paths)
    {
        var counter = new RetainedBytes();
        SessionDump.Dump(paths, counter);
        return counter._bytes;
    }

    public void Data(int cpu, long timestamp, ReadOnlySpan<byte> payload) => _bytes += payload.Length;

    public void Message(long timestamp, ReadOnlySpan<byte> line)
    {
    }
}
