namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>A jump target of a <see cref="BpfAssembler"/>; defined first, placed later, resolved by Build.</summary>
public readonly record struct BpfLabel(int Id);
