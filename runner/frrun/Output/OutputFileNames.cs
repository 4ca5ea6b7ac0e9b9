namespace FlightRec.Runner.Output;

/// <summary>
/// The names staprun gives its output files. The pattern is expanded with strftime each time
/// a file is opened (so a rotated file may carry a later time); then, in stream mode, the first
/// file is <c>FILE</c> and later ones <c>FILE.1</c>, <c>FILE.2</c>, …, or <c>FILE.0</c>,
/// <c>FILE.1</c>, … from the start when rotating (-S); in bulk mode each CPU has
/// <c>FILE_cpuN</c>, then <c>FILE_cpuN.1</c>, …, or <c>FILE_cpuN.0</c>, … when rotating.
/// <c>/dev/null</c> stays <c>/dev/null</c> (staprun's special case for tests).
/// </summary>
internal sealed class OutputFileNames
{
    public const string DevNull = "/dev/null";

    private readonly TimeProvider _clock;

    public OutputFileNames(string pattern, bool rotating, TimeProvider clock)
    {
        Pattern = pattern;
        Rotating = rotating;
        _clock = clock;
    }

    public string Pattern { get; }

    /// <summary>True with -S: every file carries its number, starting at 0.</summary>
    public bool Rotating { get; }

    /// <summary>The name of file <paramref name="fileNumber"/> of the stream (<paramref name="cpu"/> null) or of one CPU in bulk mode.</summary>
    /// <exception cref="OutputFileException">The pattern has a conversion strftime does not know.</exception>
    public string For(int fileNumber, int? cpu)
    {
        if (Pattern == DevNull)
        {
            return DevNull;
        }

        string expanded = StrfTime.Format(Pattern, _clock.GetLocalNow())
            ?? throw new OutputFileException("Invalid FILE name format");
        string perCpu = cpu is int n ? $"{expanded}_cpu{n}" : expanded;
        return Rotating || fileNumber > 0 ? $"{perCpu}.{fileNumber}" : perCpu;
    }
}
