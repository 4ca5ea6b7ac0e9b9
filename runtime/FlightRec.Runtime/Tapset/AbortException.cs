namespace FlightRec.Runtime.Tapset;

/// <summary>
/// Thrown by abort() to end the current handler at once (LANGUAGE.md §5.8). It is deliberately not
/// a <see cref="Execution.ScriptError"/>: generated try/catch blocks catch only ScriptError, so this
/// passes through them, and the handler runner treats it as a clean (non-error) end of the handler.
/// </summary>
public sealed class AbortException : Execution.HandlerAbortedException
{
    public AbortException()
    {
    }
}
