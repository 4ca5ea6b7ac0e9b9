namespace FlightRec.Runtime.Module;

/// <summary>
/// One resolved probe of a module. <see cref="Point"/> is the canonical probe point that
/// pp() returns (<c>timer.ms(100)</c>); <see cref="Name"/> the name as written or aliased
/// (pn()). <see cref="Order"/> is N of begin(N)/end(N)/error(N). <see cref="Reads"/> and
/// <see cref="Writes"/> index <see cref="ProbeModule.Globals"/>: the locks the handler takes.
/// </summary>
public sealed record ProbeDescriptor(
    string Point,
    string Name,
    ProbeKind Kind,
    long Order,
    ProbeHandler Handler,
    IReadOnlyList<int> Reads,
    IReadOnlyList<int> Writes)
{
    /// <summary>
    /// The tracepoint fields (<c>$name</c> without the <c>$</c>) the module's handlers read, by
    /// slot: generated code asks for slot N, the provider maps each slot to the field of the event
    /// actually being handled. Empty for probes that are not tracepoints.
    /// </summary>
    public IReadOnlyList<string> TargetFields { get; init; } = [];

    /// <summary>The test the handler starts with, when the kernel may apply it first; null: none.</summary>
    public ProbeEventFilter? EventFilter { get; init; }
}
