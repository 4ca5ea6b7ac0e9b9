namespace FlightRec.Runtime.Tests.Host;

/// <summary>A private directory for a test's modules and sessions, removed afterwards.</summary>
internal sealed class TemporaryRoot : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("flightrec-host-").FullName;

    /// <summary>Where sessions live (created by the host on demand, as under /dev/shm).</summary>
    public string Sessions => System.IO.Path.Combine(Path, "sessions");

    /// <summary>The session directories left under <see cref="Sessions"/>.</summary>
    public string[] SessionNames() =>
        Directory.Exists(Sessions) ? Directory.GetDirectories(Sessions).Select(System.IO.Path.GetFileName).OfType<string>().Order().ToArray() : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
