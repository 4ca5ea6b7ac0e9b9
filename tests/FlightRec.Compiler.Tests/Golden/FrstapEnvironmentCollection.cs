using Xunit;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// Tests that run frstap in-process change process-wide state (the current directory and
/// FLIGHTREC_TAPSET), so they run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FrstapEnvironmentCollection
{
    public const string Name = "frstap-env";
}
