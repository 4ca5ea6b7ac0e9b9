namespace FlightRec.Runtime.Providers.Catalogue;

/// <summary>
/// A <c>$name</c> a probe's handler may read: its script type, and the source type shown by
/// <c>frstap -L</c> (e.g. <c>char[16]</c>, <c>pid_t</c>).
/// </summary>
public sealed record ProbeTargetVariable(string Name, ProbeValueType Type, string SourceType);
