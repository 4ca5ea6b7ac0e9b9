using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Providers;

/// <summary>
/// Maps a family of probe points (by <see cref="ProbeDescriptor.Point"/>) to a Linux facility.
/// </summary>
public interface IProbeProvider
{
    /// <summary>
    /// Whether the point belongs to this provider; throws <see cref="ProbePointException"/>
    /// when it does but its parameters are invalid, so that a bad point fails at load time.
    /// </summary>
    bool Recognizes(string point);

    /// <summary>An unarmed event source for a probe whose point this provider recognises.</summary>
    IEventSource Create(ProbeDescriptor probe);
}
