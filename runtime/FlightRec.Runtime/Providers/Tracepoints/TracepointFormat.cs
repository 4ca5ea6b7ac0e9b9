using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// One parsed <c>events/SUBSYSTEM/EVENT/format</c> file: the perf config id (<c>ID:</c>), the
/// <c>common_*</c> header fields every record starts with, the event's own fields (what
/// <c>$field</c> names), in file order, and the raw text after <c>print fmt: </c>.
/// </summary>
public sealed record TracepointFormat(
    string Subsystem,
    string Name,
    int Id,
    ImmutableArray<TracepointField> CommonFields,
    ImmutableArray<TracepointField> Fields,
    string PrintFormat)
{
    /// <summary>"subsystem:event", as in available_events and in <c>kernel.trace("…")</c>.</summary>
    public string FullName => Subsystem + ":" + Name;

    /// <summary>The event field called <paramref name="name"/>, or null (common fields are not looked at).</summary>
    public TracepointField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
