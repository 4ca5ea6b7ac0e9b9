namespace FlightRec.Runtime.Linux;

/// <summary>A raw wait(2) status, decoded as the W* macros do.</summary>
public readonly record struct WaitStatus(int Raw)
{
    public bool Exited => (Raw & 0x7f) == 0;

    public int ExitCode => (Raw >> 8) & 0xff;

    public bool Signaled => (sbyte)((Raw & 0x7f) + 1) >> 1 > 0;

    public int TermSignal => Raw & 0x7f;

    public bool Stopped => (Raw & 0xff) == 0x7f;
}
