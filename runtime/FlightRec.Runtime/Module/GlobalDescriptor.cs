namespace FlightRec.Runtime.Module;

/// <summary>
/// One global of a module. Scalars of type long or string can be set when the module
/// starts (<c>frrun rec.dll name=value</c>, <c>frstap -G name=value</c>) through
/// <see cref="Assign"/>, which the module implements and which throws
/// <see cref="FormatException"/> with a user-facing message for bad text.
/// </summary>
public sealed record GlobalDescriptor(string Name, GlobalKind Kind, Action<string>? Assign = null)
{
    public bool Settable => Assign is not null;
}
