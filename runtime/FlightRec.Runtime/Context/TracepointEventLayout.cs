using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Context;

/// <summary>
/// How to read one tracepoint's records for one module: the event's format (for <c>$$vars</c>)
/// and, per target-field slot the module's handlers use, that field of this event — or null
/// where this event has no such field (a wildcard probe's other events may). Built once when the
/// probe is armed, from the running kernel's format file, so a module never reads a record with
/// offsets of another kernel.
/// </summary>
public sealed class TracepointEventLayout
{
    public TracepointEventLayout(TracepointFormat format, IReadOnlyList<string> slotNames)
    {
        Format = format;
        Slots = slotNames.Select(format.Field).ToArray();
    }

    public TracepointFormat Format { get; }

    /// <summary>"subsystem:event": what <c>$$name</c> returns.</summary>
    public string Name => Format.FullName;

    public TracepointField?[] Slots { get; }
}
