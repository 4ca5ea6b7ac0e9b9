using System.Collections.Immutable;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// What a capture program records for one probe: the first <paramref name="RecordSize"/> bytes
/// of the tracepoint record, then, for each offset in <paramref name="UserStringOffsets"/>, the
/// NUL-terminated user-space string the pointer there points to (at most
/// <paramref name="MaxStringLength"/> bytes, NUL included), read at event time. The
/// <paramref name="ProbeIndex"/> comes back in every record so one ring can serve many probes.
/// With <see cref="DataLocations"/>, the record's dynamic area (the bytes its <c>__data_loc</c>
/// fields point to) is copied too, up to <see cref="RecordCapacity"/> bytes in all.
/// </summary>
public sealed record TracepointCaptureSpec(
    int ProbeIndex,
    int RecordSize,
    ImmutableArray<int> UserStringOffsets,
    int MaxStringLength = TracepointCaptureSpec.DefaultMaxStringLength,
    BpfCaptureFilter? Filter = null)
{
    public const int DefaultMaxStringLength = 256;

    /// <summary>Bytes of dynamic data kept after the fixed part by default: paths longer than this are cut.</summary>
    public const int DefaultDynamicCapacity = 1024;

    /// <summary>
    /// PERF_MAX_TRACE_SIZE: the kernel builds every record a BPF tracepoint program sees in a
    /// per-CPU buffer of this size, so no record is longer and reading up to it stays inside.
    /// </summary>
    public const int MaxTraceSize = 2048;

    /// <summary>The <c>__data_loc</c> words whose data is copied with the record; empty: only the fixed part.</summary>
    public ImmutableArray<TracepointDataLocation> DataLocations { get; init; } = [];

    /// <summary>Bytes of dynamic data copied at most after the fixed part (when there are <see cref="DataLocations"/>).</summary>
    public int DynamicCapacity { get; init; } = DefaultDynamicCapacity;

    /// <summary>
    /// The most bytes of the tracepoint record a capture holds: the fixed part, plus the dynamic
    /// capacity when there are data locations (never more than <see cref="MaxTraceSize"/>).
    /// </summary>
    public int RecordCapacity =>
        DataLocations.IsDefaultOrEmpty ? RecordSize : Math.Min(MaxTraceSize, RecordSize + Math.Max(0, DynamicCapacity));

    /// <summary>
    /// A spec for <paramref name="format"/>: the record size is where its last field ends, and
    /// <paramref name="userStringFields"/> name pointer fields (e.g. <c>filename</c> of
    /// syscalls:sys_enter_openat) whose strings are captured. Every <c>__data_loc</c> field of the
    /// format has its data captured (<c>$$vars</c> prints them all).
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

        var locations = format.Fields.Where(f => f.IsDataLoc).Select(f => new TracepointDataLocation(f.Offset, f.IsRelativeLoc));
        return new(probeIndex, RecordSizeOf(format), offsets.ToImmutable(), maxStringLength, filter) { DataLocations = [.. locations] };
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
