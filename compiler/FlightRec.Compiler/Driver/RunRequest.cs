namespace FlightRec.Compiler.Driver;

/// <summary>The options frstap passes through to frrun at pass 5, as stap passes them to staprun.</summary>
public sealed record RunRequest
{
    /// <summary>-o FILE (strftime patterns are frrun's business).</summary>
    public string? OutputFile { get; init; }

    /// <summary>-c CMD: frrun starts it and stops when it exits.</summary>
    public string? Command { get; init; }

    /// <summary>-x PID: target().</summary>
    public int? TargetPid { get; init; }

    /// <summary>-S SIZE[,N]: output file rotation.</summary>
    public string? Rotation { get; init; }

    /// <summary>-F: flight-recorder launch: load and detach (frrun -L), or with -o a background consumer (frrun -F).</summary>
    public bool FlightRecorder { get; init; }
}
