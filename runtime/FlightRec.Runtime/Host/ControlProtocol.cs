using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Host;

/// <summary>
/// The control socket's words. Each command is one line and gets one reply line:
/// <c>attach PID</c> → <c>ok</c> | <c>busy PID</c>; <c>detach</c> → <c>ok</c>; <c>exit</c> → <c>ok</c>;
/// <c>status</c> → <c>status STATE POLICY CONSUMERPID</c> (lower-case names, e.g.
/// <c>status running overwrite 0</c>); <c>done</c> → <c>ok</c>; anything else → <c>error MESSAGE</c>.
/// A peer of another user gets <c>denied</c> and the connection closes. The host sends the
/// attached consumer <c>exited CODE</c> unasked once the module has stopped and its output
/// is committed.
/// </summary>
public static class ControlProtocol
{
    public const string Ok = "ok";
    public const string Denied = "denied";
    public const string BusyPrefix = "busy ";
    public const string StatusPrefix = "status ";
    public const string ExitedPrefix = "exited ";
    public const string ErrorPrefix = "error ";

    public static string StatusLine(HostState state, RingPolicy policy, int consumerPid) =>
        $"{StatusPrefix}{state.ToString().ToLowerInvariant()} {policy.ToString().ToLowerInvariant()} {consumerPid}";
}
