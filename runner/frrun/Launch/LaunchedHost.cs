namespace FlightRec.Runner.Launch;

/// <summary>A host that has said <c>ready NAME PID</c>: its module is loaded under NAME and its probes are armed.</summary>
internal sealed record LaunchedHost(string Name, int Pid);
