using System.Text;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// A test a capture program applies in the kernel before it reserves ring space, so rejected
/// events cost no ring bytes and no host wake-ups. Build one with the factory methods.
/// </summary>
public sealed record BpfCaptureFilter
{
    /// <summary>TASK_COMM_LEN minus the NUL.</summary>
    public const int MaxCommLength = 15;

    private BpfCaptureFilter(BpfCaptureFilterKind kind, BpfComparison comparison, long constant)
    {
        Kind = kind;
        Comparison = comparison;
        Constant = constant;
    }

    public BpfCaptureFilterKind Kind { get; }

    public BpfComparison Comparison { get; }

    /// <summary>The pid, tid or integer the value is compared with.</summary>
    public long Constant { get; }

    /// <summary>For <see cref="BpfCaptureFilterKind.Comm"/>: the name, as UTF-8 bytes.</summary>
    public string Comm { get; private init; } = "";

    /// <summary>For <see cref="BpfCaptureFilterKind.IntegerField"/>: byte offset in the record.</summary>
    public int FieldOffset { get; private init; }

    /// <summary>For <see cref="BpfCaptureFilterKind.IntegerField"/>: 1, 2, 4 or 8.</summary>
    public int FieldSize { get; private init; }

    /// <summary>For <see cref="BpfCaptureFilterKind.IntegerField"/>: sign-extend and compare as signed.</summary>
    public bool FieldIsSigned { get; private init; }

    public static BpfCaptureFilter ProcessId(BpfComparison comparison, int pid) =>
        new(BpfCaptureFilterKind.ProcessId, comparison, pid);

    public static BpfCaptureFilter ThreadId(BpfComparison comparison, int tid) =>
        new(BpfCaptureFilterKind.ThreadId, comparison, tid);

    /// <summary>comm == name or comm != name (other comparisons are refused).</summary>
    public static BpfCaptureFilter CommName(BpfComparison comparison, string name)
    {
        if (comparison is not (BpfComparison.Equal or BpfComparison.NotEqual))
        {
            throw new ArgumentException($"a command name can only be compared with == or !=, not {comparison}", nameof(comparison));
        }

        int length = Encoding.UTF8.GetByteCount(name);
        if (length is 0 or > MaxCommLength)
        {
            throw new ArgumentException($"a command name is 1 to {MaxCommLength} bytes; \"{name}\" is {length}", nameof(name));
        }

        return new(BpfCaptureFilterKind.Comm, comparison, 0) { Comm = name };
    }

    /// <summary>
    /// The integer of <paramref name="size"/> bytes at <paramref name="offset"/> in the record compared
    /// with <paramref name="constant"/>. BPF may not read the record's first 8 bytes (the kernel puts
    /// a register pointer there) and wants reads aligned to their size.
    /// </summary>
    public static BpfCaptureFilter IntegerField(int offset, int size, bool isSigned, BpfComparison comparison, long constant)
    {
        if (size is not (1 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "an integer field is 1, 2, 4 or 8 bytes");
        }

        if (offset < TracepointCaptureLayout.UnreadableRecordPrefix || offset % size != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(offset), offset, $"BPF reads a field at offset 8 or more, aligned to its size ({size})");
        }

        return new(BpfCaptureFilterKind.IntegerField, comparison, constant)
        {
            FieldOffset = offset,
            FieldSize = size,
            FieldIsSigned = isSigned,
        };
    }

    /// <summary>The tracepoint field <paramref name="field"/> compared with <paramref name="constant"/>.</summary>
    public static BpfCaptureFilter IntegerField(TracepointField field, BpfComparison comparison, long constant) =>
        field.IsInteger
            ? IntegerField(field.Offset, field.Size, field.IsSigned, comparison, constant)
            : throw new ArgumentException($"field {field.Name} ({field.CType}) is not an integer", nameof(field));
}
