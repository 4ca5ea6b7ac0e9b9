namespace FlightRec.Scenario.Tests.Scenarios;

/// <summary>What frrun says on stderr in the scenarios, word for word (staprun's wording with our names).</summary>
internal static class ScenarioMessages
{
    public static string Disconnect(string name) => $"\nDisconnecting from module {name}.\nTo reconnect, type \"frrun -A {name}\"\n";

    public static string NotLoaded(string name) => $"ERROR: no module named {name} is loaded\n";

    public static string Busy(string name, int consumerPid) => $"ERROR: module {name} is already attached to consumer pid {consumerPid}\n";

    public static string PermissionDenied(string name) => $"ERROR: module {name}: permission denied\n";

    public static string NotRunning(string name, int hostPid) =>
        $"WARNING: module {name} is not running (host pid {hostPid} exited); dumping recovered buffers\n";

    public static string Overwritten(long records, long bytes) =>
        $"WARNING: {records} {(records == 1 ? "record" : "records")} ({bytes} bytes) {(records == 1 ? "was" : "were")} overwritten\n";
}
