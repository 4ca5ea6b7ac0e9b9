namespace FlightRec.Runtime.Linux;

/// <summary>
/// The kernel refused a program at BPF_PROG_LOAD. The message names the program and the errno
/// and ends with the verifier's log, which says which instruction failed and why.
/// </summary>
public sealed class BpfVerifierException : Exception
{
    public BpfVerifierException(string programName, int errno, string verifierLog)
        : base(Compose(programName, errno, verifierLog))
    {
        ProgramName = programName;
        ErrorNumber = errno;
        VerifierLog = verifierLog;
    }

    public string ProgramName { get; }

    public int ErrorNumber { get; }

    /// <summary>The verifier's log, trailing NULs and whitespace removed; empty if it wrote none.</summary>
    public string VerifierLog { get; }

    private static string Compose(string programName, int errno, string log) =>
        log.Length == 0
            ? $"bpf(BPF_PROG_LOAD \"{programName}\"): {Errno.Describe(errno)} (the verifier wrote no log)"
            : $"bpf(BPF_PROG_LOAD \"{programName}\"): {Errno.Describe(errno)}; verifier log:\n{log}";
}
