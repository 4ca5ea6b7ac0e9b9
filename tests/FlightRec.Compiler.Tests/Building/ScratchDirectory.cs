namespace FlightRec.Compiler.Tests.Building;

/// <summary>A private temporary directory for one test (a cache root, an output directory), removed afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("frstap-test").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
