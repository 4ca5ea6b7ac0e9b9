namespace FlightRec.Runner.Tests;

/// <summary>
/// Tests that change process-wide state — the current directory, or FLIGHTREC_RUNTIME_DIR,
/// where frrun looks for sessions — which no other test may see half-way.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "process state";
}
