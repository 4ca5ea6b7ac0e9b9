namespace FlightRec.Runner.Sessions;

/// <summary>The lines (after "ERROR: "/"WARNING: ") frrun prints about sessions, in one place so every mode words them alike.</summary>
internal static class SessionMessages
{
    public static string NotLoaded(string name) => $"no module named {name} is loaded";

    public static string Busy(string name, int consumerPid) => $"module {name} is already attached to consumer pid {consumerPid}";

    public static string HostGone(string name, int hostPid) =>
        $"the host of module {name} (pid {hostPid}) is gone; use \"frrun -D {name}\" to dump its buffers and \"frrun -d {name}\" to remove it";

    public static string HostDied(string name, int hostPid) => $"host of module {name} died (pid {hostPid})";

    public static string NotRunning(string name, int hostPid) =>
        $"module {name} is not running (host pid {hostPid} exited); dumping recovered buffers";

    public static string CannotConnect(string name, int hostPid, string reason) =>
        $"cannot connect to module {name} (host pid {hostPid}): {reason}";

    public static string PermissionDenied(string name) => $"module {name}: permission denied";

    public static string Unreadable(string name, string reason) => $"module {name} cannot be read: {reason}";

    public static string Removed(string name) => $"Module {name} removed.";

    public static string Disconnect(string name) => $"\nDisconnecting from module {name}.\nTo reconnect, type \"frrun -A {name}\"";
}
