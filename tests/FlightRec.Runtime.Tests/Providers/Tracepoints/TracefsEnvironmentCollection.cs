namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

/// <summary>
/// Tests that read or set FLIGHTREC_TRACEFS (TracefsCatalogue.Open() without a root) run one
/// at a time, so one test's override never leaks into another's lookup.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracefsEnvironmentCollection
{
    public const string Name = "tracefs environment";
}
