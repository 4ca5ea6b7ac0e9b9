namespace FlightRec.Runtime.Context;

/// <summary>
/// Reads another process's argument vector and environment, for cmdline_args() and env_var()
/// (LANGUAGE.md §9.5). <see cref="ProcFsProcessInfo"/> reads /proc; tests supply fixed data.
/// </summary>
public interface IProcessInfo
{
    /// <summary>The raw NUL-separated argv of <paramref name="pid"/>, or null if it cannot be read.</summary>
    byte[]? ReadCommandLine(long pid);

    /// <summary>The raw NUL-separated environment of <paramref name="pid"/>, or null if it cannot be read.</summary>
    byte[]? ReadEnvironment(long pid);
}
