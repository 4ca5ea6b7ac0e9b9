namespace FlightRec.Runtime.Context;

/// <summary>
/// The identity of the task a kernel event is about. Behind an interface so that a source that
/// captures it with the event (the eBPF header) can replace the /proc lookup.
/// </summary>
public interface ITaskIdentitySource
{
    TaskIdentity Of(long pid);
}
