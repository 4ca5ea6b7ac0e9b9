using System.Collections.Immutable;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// What a capture program records for one probe: the first <paramref name="RecordSize"/> bytes
/// of the tracepoint record, then, for each offset in <paramref name="UserStringOffsets"/>, the
/// NUL-terminated user-space string the pointer there points to (at most
/// <paramref name="MaxStringLength"/> bytes, NUL included), read at event time. The
/// <paramref name="ProbeIndex"/> comes back in every record so one ring can serve many probes.
/// </summary>
public sealed record TracepointCaptureSpec(
    int ProbeIndex,
    int RecordSize,
    ImmutableArray<int> UserStringOffsets,
    int MaxStringLength = TracepointCaptureSpec.DefaultMaxStringLength,
    BpfCaptureFilter? Filter = null)
{
    public const int DefaultMaxStringLength = 256;

    /// <summary>
    /// A spec for <paramref name="format"/>: the record size is where its last field ends, and
    /// <paramref name="userStringFields"/> name pointer fields (e.g. <c>filename</c> of
    /// syscalls:sys_enter_openat) whose strings are captured.
    /// </summary>
    public static TracepointCaptureSpec ForFormat(
        TracepointFormat format,
        int probeIndex,
        IEnumerable<string> userStringFields,
        int maxStringLength = DefaultMaxStringLength,
        BpfCaptureFilter? filter = null)
    {
        var offsets = ImmutableArray.CreateBuilder<int>();
        foreach (string name in userStringFields)
        {
            var field = format.Field(name) ??
                throw new ArgumentException($"{format.FullName} has no field {name}", nameof(userStringFields));
            if (field.Size != 8 || field.ArrayLength != 0 || field.IsDataLoc)
            {
                throw new ArgumentException(
                    $"{format.FullName} field {name} ({field.CType}, {field.Size} bytes) is not a 64-bit pointer",
                    nameof(userStringFields));
            }

            offsets.Add(field.Offset);
        }

        return new(probeIndex, RecordSizeOf(format), offsets.ToImmutable(), maxStringLength, filter);
    }

    /// <summary>Where the fixed part of a record ends: the largest field end (dynamic data is not included).</summary>
    public static int RecordSizeOf(TracepointFormat format)
    {
        int end = 0;
        foreach (var field in format.CommonFields)
        {
            end = Math.Max(end, field.Offset + field.Size);
        }

        foreach (var field in format.Fields)
        {
            end = Math.Max(end, field.Offset + field.Size);
        }

        return end;
    }
}
