using FlightRec.Runtime.Execution;

namespace FlightRec.Runtime.Module;

/// <summary>
/// How a module wants to be hosted: its name, the transport policy (overwrite the oldest
/// data, as frstap -O asks, or discard the newest), bulk per-CPU output, the per-CPU
/// buffer size in MB (frstap -s, 1–4095), and the limits it was built with (-D).
/// </summary>
public sealed record ModuleOptions(string Name)
{
    public bool Overwrite { get; init; }

    public bool Bulk { get; init; }

    public int BufferSizeMegabytes { get; init; } = 16;

    public ScriptLimits Limits { get; init; } = ScriptLimits.Default;

    public bool SuppressHandlerErrors { get; init; }

    public bool SuppressTimeLimits { get; init; }
}
