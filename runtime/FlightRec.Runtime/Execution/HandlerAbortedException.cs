namespace FlightRec.Runtime.Execution;

/// <summary>
/// Ends the current handler without an error: thrown by abort() (and by `next` in a probe
/// handler when the compiler lowers it to an exception). Not a ScriptError, so script
/// try/catch never intercepts it.
/// </summary>
public class HandlerAbortedException : Exception
{
    public HandlerAbortedException()
        : base("handler aborted")
    {
    }
}
