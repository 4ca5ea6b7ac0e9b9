namespace FlightRec.Runner.Tests.Sessions;

/// <summary>A private FLIGHTREC_RUNTIME_DIR for one test, so frrun sees only the sessions the test made.</summary>
internal sealed class SessionRoot : IDisposable
{
    private const string Variable = "FLIGHTREC_RUNTIME_DIR";
    private readonly TemporaryDirectory _directory = new();
    private readonly string? _previous = Environment.GetEnvironmentVariable(Variable);

    public SessionRoot() => Environment.SetEnvironmentVariable(Variable, _directory.Path);

    public string Path => _directory.Path;

    public bool Has(string name) => Directory.Exists(System.IO.Path.Combine(Path, name));

    public FakeSession Session(string name, int cpus = 1, bool bulk = false, Runtime.Transport.RingPolicy policy = Runtime.Transport.RingPolicy.Discard, bool hostAlive = false) =>
        new(Path, name, cpus, bulk, policy, hostAlive);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, _previous);
        _directory.Dispose();
    }
}
