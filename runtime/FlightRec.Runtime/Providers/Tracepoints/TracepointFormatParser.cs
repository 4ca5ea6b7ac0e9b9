using System.Collections.Immutable;
using System.Globalization;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// Reads the text of a tracefs <c>format</c> file (Documentation/trace/events.rst, "Event
/// formats"): <c>name:</c>, <c>ID:</c>, <c>format:</c>, one
/// <c>field:TYPE NAME;\toffset:N;\tsize:N;\tsigned:N;</c> line per field (the <c>common_*</c>
/// header first, a blank line, then the event's fields) and <c>print fmt:</c>. Unknown lines
/// are ignored; a field line without a readable offset and size, or a missing ID, is an error.
/// </summary>
internal static class TracepointFormatParser
{
    private const string FieldShape = "\"field:TYPE NAME; offset:N; size:N; signed:N;\"";

    public static TracepointFormat Parse(string text, string path, string subsystem, string name)
    {
        int? id = null;
        bool sawFormat = false;
        string printFormat = "";
        var common = ImmutableArray.CreateBuilder<TracepointField>();
        var fields = ImmutableArray.CreateBuilder<TracepointField>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').TrimStart();
            if (line.StartsWith("ID:", StringComparison.Ordinal))
            {
                id = int.TryParse(line.AsSpan(3).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                    ? value
                    : throw Malformed(path, i + 1, "\"ID: N\"", line);
            }
            else if (line.StartsWith("format:", StringComparison.Ordinal))
            {
                sawFormat = true;
            }
            else if (FieldText(line) is { } fieldText)
            {
                var field = ParseField(fieldText) ?? throw Malformed(path, i + 1, FieldShape, line);
                (field.Name.StartsWith("common_", StringComparison.Ordinal) ? common : fields).Add(field);
            }
            else if (line.StartsWith("print fmt:", StringComparison.Ordinal))
            {
                printFormat = line["print fmt:".Length..].TrimStart(' ');
            }
        }

        if (id is null)
        {
            throw new TracefsException($"malformed tracepoint format {path}: no \"ID:\" line");
        }

        if (!sawFormat)
        {
            throw new TracefsException($"malformed tracepoint format {path}: no \"format:\" line");
        }

        return new TracepointFormat(subsystem, name, id.Value, common.ToImmutable(), fields.ToImmutable(), printFormat);
    }

    // The part after "field:" ("field special:" on very old kernels), or null for other lines.
    private static string? FieldText(string line) =>
        line.StartsWith("field:", StringComparison.Ordinal) ? line["field:".Length..]
        : line.StartsWith("field special:", StringComparison.Ordinal) ? line["field special:".Length..]
        : null;

    private static TracepointField? ParseField(string text)
    {
        string[] parts = text.Split(';');
        if (parts.Length < 3 || parts[0].Trim().Length == 0)
        {
            return null;
        }

        int? offset = null, size = null;
        bool isSigned = false;
        foreach (string part in parts.AsSpan(1))
        {
            string attribute = part.Trim();
            int colon = attribute.IndexOf(':');
            if (colon < 0)
            {
                if (attribute.Length == 0)
                {
                    continue;
                }

                return null;
            }

            if (!int.TryParse(attribute.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                return null;
            }

            switch (attribute[..colon])
            {
                case "offset":
                    offset = value;
                    break;
                case "size":
                    size = value;
                    break;
                case "signed":
                    isSigned = value != 0;
                    break;
            }
        }

        // "signed:" appeared in 2.6.32; without it a field reads as unsigned.
        return offset is { } o && size is { } s ? FieldDeclaration.Parse(parts[0], o, s, isSigned) : null;
    }

    private static TracefsException Malformed(string path, int line, string expected, string found) =>
        new($"malformed tracepoint format {path} line {line}: expected {expected}, found \"{found.Trim().Replace('\t', ' ')}\"");
}
