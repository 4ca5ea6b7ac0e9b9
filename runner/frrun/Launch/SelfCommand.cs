namespace FlightRec.Runner.Launch;

/// <summary>
/// How to start this frrun again (as a host, or as a background consumer): its own
/// executable, or — when it runs as <c>dotnet frrun.dll</c> — dotnet with the assembly.
/// </summary>
internal static class SelfCommand
{
    public static (string File, IReadOnlyList<string> Prefix) Resolve()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the frrun executable is unknown");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [typeof(SelfCommand).Assembly.Location])
            : (process, []);
    }
}
