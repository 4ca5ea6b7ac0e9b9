using System.Buffers.Binary;
using System.Collections.Immutable;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// Many syscall probes served by one program on raw_syscalls:sys_enter (or sys_exit) instead of
/// one program per syscalls:sys_enter_X tracepoint. The kernel's sys_enter_X record is the common
/// fields, <c>int __syscall_nr</c> at 8 and each argument as 8 bytes from 16; raw_syscalls:sys_enter
/// has <c>long id</c> at 8 and <c>unsigned long args[6]</c> at 16 (sys_exit_X and raw sys_exit
/// both have the number at 8 and <c>long ret</c> at 16), so the program can write, for the
/// syscall it sees, exactly the record the probe's own capture would have written. It finds the
/// probe through a BPF array indexed by syscall number (<see cref="MapEntries"/>): the probe
/// index and the 1-based shape of its records, 0 meaning "not probed" (arrays start zeroed).
/// The program has one branch per shape, each reserving its own record size (the reserve wants a
/// constant), so a syscall without strings costs the ring no string slots; each shape with
/// strings has its own stash of deferred records (a map has one value size).
/// </summary>
public sealed class SyscallGroupPlan
{
    /// <summary>Bytes of a map value: u32 probe index, u32 shape (0: not probed).</summary>
    public const int ValueSize = 8;
    public const int ValueProbeIndexOffset = 0;
    public const int ValueShapeOffset = 4;

    /// <summary>The syscall number's offset in every record involved (<c>__syscall_nr</c>, <c>id</c>).</summary>
    public const int NumberOffset = 8;

    /// <summary>Where sys_enter_X's first argument and sys_exit_X's <c>ret</c> are.</summary>
    public const int FirstArgumentOffset = 16;

    public const int MaxArguments = 6;

    private readonly ImmutableArray<int> _memberShapes;

    private SyscallGroupPlan(bool isEntry, int tracepointId, int? completionTracepointId, ImmutableArray<SyscallGroupMember> members,
        ImmutableArray<SyscallGroupShape> shapes, ImmutableArray<int> memberShapes, int maxStringLength, BpfCaptureFilter? filter)
    {
        IsEntry = isEntry;
        TracepointId = tracepointId;
        CompletionTracepointId = completionTracepointId;
        Members = members;
        Shapes = shapes;
        _memberShapes = memberShapes;
        MaxStringLength = maxStringLength;
        Filter = filter;
        MapEntries = members.Max(m => m.Number) + 1;
    }

    /// <summary>Entry probes (sys_enter_X) or return probes (sys_exit_X).</summary>
    public bool IsEntry { get; }

    /// <summary>The tracefs id of raw_syscalls:sys_enter (entry) or raw_syscalls:sys_exit.</summary>
    public int TracepointId { get; }

    /// <summary>
    /// For entry probes with user strings, the id of raw_syscalls:sys_exit, where a record whose
    /// string page was not resident at entry is completed; otherwise null.
    /// </summary>
    public int? CompletionTracepointId { get; }

    public ImmutableArray<SyscallGroupMember> Members { get; }

    /// <summary>The distinct shapes; shape id n (as in the map) is <c>Shapes[n - 1]</c>.</summary>
    public ImmutableArray<SyscallGroupShape> Shapes { get; }

    public int MaxStringLength { get; }

    /// <summary>The test every probe of the group applies in the kernel (the group is made of probes with the same one).</summary>
    public BpfCaptureFilter? Filter { get; }

    /// <summary>The 1-based ids of the shapes with user strings: those that may stash a record at entry.</summary>
    public IEnumerable<int> StringShapeIds() =>
        Enumerable.Range(1, Shapes.Length).Where(id => Shapes[id - 1].UserStringOffsets.Length > 0);

    /// <summary>Array entries: the highest syscall number probed, plus one.</summary>
    public int MapEntries { get; }

    /// <summary>
    /// A plan for <paramref name="members"/>, whose specs must be sys_enter_X records (12 bytes, or
    /// 16 plus 8 per argument, strings among the arguments) or sys_exit_X records (24 bytes, no
    /// strings), with distinct syscall numbers, one string length and one filter.
    /// </summary>
    public static SyscallGroupPlan Create(bool isEntry, int tracepointId, int? exitTracepointId, IReadOnlyList<SyscallGroupMember> members)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("a syscall group needs at least one probe", nameof(members));
        }

        var first = members[0].Spec;
        var numbers = new HashSet<int>();
        var shapes = new List<SyscallGroupShape>();
        var memberShapes = ImmutableArray.CreateBuilder<int>(members.Count);
        foreach (var member in members)
        {
            var spec = member.Spec;
            if (member.Number < 0 || !numbers.Add(member.Number))
            {
                throw new ArgumentException($"syscall number {member.Number} is negative or probed twice in one group", nameof(members));
            }

            if (spec.MaxStringLength != first.MaxStringLength || spec.Filter != first.Filter)
            {
                throw new ArgumentException("the probes of a syscall group share their string length and their filter", nameof(members));
            }

            CheckRecord(isEntry, spec);
            var shape = SyscallGroupShape.Of(spec);
            int index = shapes.IndexOf(shape);
            if (index < 0)
            {
                shapes.Add(shape);
                index = shapes.Count - 1;
            }

            memberShapes.Add(index + 1);
        }

        bool strings = shapes.Any(s => s.UserStringOffsets.Length > 0);
        return new SyscallGroupPlan(isEntry, tracepointId, isEntry && strings ? exitTracepointId : null, [.. members], [.. shapes],
            memberShapes.MoveToImmutable(), first.MaxStringLength, first.Filter);
    }

    /// <summary>The record layout of shape <paramref name="shape"/>.</summary>
    public TracepointCaptureLayout LayoutOf(SyscallGroupShape shape) =>
        new(shape.RecordSize, shape.UserStringOffsets.Length, MaxStringLength);

    /// <summary>The map's contents: for each probed syscall number, probe index and 1-based shape.</summary>
    public IEnumerable<(int Number, int ProbeIndex, int Shape)> Entries() =>
        Members.Select((m, i) => (m.Number, m.ProbeIndex, _memberShapes[i]));

    /// <summary>The map value of an entry, as the program reads it.</summary>
    public static void WriteValue(Span<byte> value, int probeIndex, int shape)
    {
        BinaryPrimitives.WriteInt32LittleEndian(value[ValueProbeIndexOffset..], probeIndex);
        BinaryPrimitives.WriteInt32LittleEndian(value[ValueShapeOffset..], shape);
    }

    private static void CheckRecord(bool isEntry, TracepointCaptureSpec spec)
    {
        int size = spec.RecordSize;
        bool sizeOk = isEntry
            ? size == NumberOffset + 4 || (size > FirstArgumentOffset && size <= FirstArgumentOffset + (8 * MaxArguments) && size % 8 == 0)
            : size == FirstArgumentOffset + 8;
        if (!sizeOk)
        {
            throw new ArgumentException($"a {(isEntry ? "sys_enter" : "sys_exit")} record of {size} bytes does not match raw_syscalls", nameof(spec));
        }

        foreach (int offset in spec.UserStringOffsets)
        {
            if (!isEntry || offset < FirstArgumentOffset || offset % 8 != 0 || offset + 8 > size)
            {
                throw new ArgumentException($"a user string at offset {offset} is not an argument of the {size}-byte record", nameof(spec));
            }
        }
    }
}
