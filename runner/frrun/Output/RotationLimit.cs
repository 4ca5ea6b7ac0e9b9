namespace FlightRec.Runner.Output;

/// <summary>
/// -S SIZE[,N]: switch to the next file before a write would take the current one past
/// <see cref="MaxBytes"/>, and keep at most <see cref="KeepFiles"/> files (0: all).
/// <see cref="None"/> (no -S) never switches by size.
/// </summary>
internal readonly record struct RotationLimit(long MaxBytes, int KeepFiles)
{
    public static RotationLimit None => default;

    public bool Rotates => MaxBytes > 0;
}
