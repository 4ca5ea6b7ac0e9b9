namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>
/// Tests that attach programs to real tracepoints run one at a time: counts of lost records
/// and the events of this process stay theirs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BpfKernelCollection
{
    public const string Name = "BPF kernel";
}
