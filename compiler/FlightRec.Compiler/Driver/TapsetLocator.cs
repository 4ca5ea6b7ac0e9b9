namespace FlightRec.Compiler.Driver;

/// <summary>
/// Finds the bundled tapset directory: FLIGHTREC_TAPSET when set (as SYSTEMTAP_TAPSET
/// replaces stap's), else the <c>tapset</c> folder shipped beside the program.
/// </summary>
public static class TapsetLocator
{
    public const string EnvironmentVariable = "FLIGHTREC_TAPSET";

    public static string? Find(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null)
        {
            return explicitDirectory;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        string beside = Path.Combine(AppContext.BaseDirectory, "tapset");
        return Directory.Exists(beside) ? beside : null;
    }
}
