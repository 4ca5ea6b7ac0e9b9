namespace FlightRec.Runner.Tests;

/// <summary>Tests that change the process's current directory, which no other test may see half-way.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "current directory";
}
