namespace FlightRec.Runtime.Output;

/// <summary>
/// Where a handler's committed output goes: the transport's ring in a host, a list in tests.
/// One call is one handler's contiguous output (LANGUAGE.md §6.4).
/// </summary>
public interface IOutputSink
{
    void Commit(ReadOnlySpan<byte> output);
}
