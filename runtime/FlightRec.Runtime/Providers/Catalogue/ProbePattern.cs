using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>A probe point shape the runtime can arm, and the builder that checks and expands it.</summary>
public sealed record ProbePattern(ImmutableArray<ProbeComponentShape> Components, IProbePointBuilder Builder)
{
    public override string ToString() => string.Join('.', Components);
}
