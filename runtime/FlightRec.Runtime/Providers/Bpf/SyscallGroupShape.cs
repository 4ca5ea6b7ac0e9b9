using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// The form of the records a grouped syscall program writes for some of its syscalls: the record
/// size of their sys_enter_X/sys_exit_X tracepoints and the offsets of the user string pointers
/// captured, in the probe's order (slot i of a record is the string of offset i). The program has
/// one branch per shape, so every offset in it is a constant, as the verifier wants.
/// </summary>
public sealed class SyscallGroupShape(int recordSize, ImmutableArray<int> userStringOffsets) : IEquatable<SyscallGroupShape>
{
    public int RecordSize { get; } = recordSize;

    public ImmutableArray<int> UserStringOffsets { get; } = userStringOffsets;

    public static SyscallGroupShape Of(TracepointCaptureSpec spec) => new(spec.RecordSize, spec.UserStringOffsets);

    public bool Equals(SyscallGroupShape? other) =>
        other is not null && other.RecordSize == RecordSize && other.UserStringOffsets.SequenceEqual(UserStringOffsets);

    public override bool Equals(object? obj) => Equals(obj as SyscallGroupShape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RecordSize);
        foreach (int offset in UserStringOffsets)
        {
            hash.Add(offset);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"{RecordSize} bytes, strings at [{string.Join(", ", UserStringOffsets)}]";
}
