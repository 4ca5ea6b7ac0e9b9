namespace FlightRec.Runtime.Tapset;

/// <summary>
/// What the control tapset functions need from the running session (LANGUAGE.md §5.8); the host's
/// session implements it.
/// </summary>
public interface ISessionControl
{
    /// <summary>exit(): state → STOPPING and request shutdown; the calling handler continues.</summary>
    void RequestExit();

    /// <summary>
    /// abort(): like <see cref="RequestExit"/>; the tapset then throws <see cref="AbortException"/>
    /// to end the calling handler.
    /// </summary>
    void Abort();

    /// <summary>
    /// warn(msg): <paramref name="message"/> is the script's bare text. The session prints it as
    /// <see cref="WarningDeduplicator.FormatLine"/> on stderr, filtered by a <see cref="WarningDeduplicator"/>
    /// unless -v, dropped entirely with -w.
    /// </summary>
    void Warn(string message);
}
