using FlightRec.Runtime.Providers.Bpf;

namespace FlightRec.Runtime.Providers.Tracepoints;

/// <summary>
/// Decides which syscalls:sys_enter_X / sys_exit_X probes of a module are captured by one program
/// on raw_syscalls:sys_enter / sys_exit (<see cref="SyscallGroupPlan"/>) instead of one program
/// per tracepoint: <c>probe syscall.*</c> is some 360 probes, and loading and attaching 720
/// programs takes seconds. A group is worth it from <see cref="Threshold"/> probes: below that,
/// per-syscall tracepoints cost less, because a syscall nobody probes never runs a program, while
/// the raw tracepoint runs one (an array lookup and a return) on every syscall of the machine.
/// A probe joins a group only when every fact the group relies on holds on this kernel: its
/// syscall's number is known (<see cref="SyscallNumbers"/>), its format is the syscall layout
/// (<c>__syscall_nr</c> at 8, 8-byte arguments from 16 / <c>ret</c> at 16), and raw_syscalls has
/// the layout the copy assumes (<c>id</c> at 8, <c>args[6]</c> or <c>ret</c> at 16).
/// Limitation: raw_syscalls also fires for the syscalls of 32-bit (compat) processes, with their
/// own numbering, which sys_enter_X never reports; a group would take such a call for the 64-bit
/// call of the same number. Telling them apart in BPF needs the task's TS_COMPAT flag, whose
/// place in thread_info varies between kernels, so it is not done: with a 32-bit process on the
/// machine, a grouped probe may see calls its tracepoint would not have.
/// </summary>
public static class SyscallGrouping
{
    /// <summary>Probes of one direction below which each keeps its own tracepoint (docs/performance.md).</summary>
    public const int Threshold = 16;

    public const string RawEnter = "raw_syscalls:sys_enter";
    public const string RawExit = "raw_syscalls:sys_exit";
    private const string EntryPrefix = "syscalls:sys_enter_";
    private const string ExitPrefix = "syscalls:sys_exit_";

    /// <summary>
    /// The groups for the probes whose <paramref name="formats"/> and capture <paramref name="specs"/>
    /// are given (spec i has probe index i), entry groups first; probes in no group keep their own
    /// tracepoint. <paramref name="rawEnter"/>/<paramref name="rawExit"/> are the raw_syscalls
    /// formats, null when the kernel lacks them.
    /// </summary>
    public static IReadOnlyList<SyscallGroupPlan> Plan(
        IReadOnlyList<TracepointFormat> formats,
        IReadOnlyList<TracepointCaptureSpec> specs,
        TracepointFormat? rawEnter,
        TracepointFormat? rawExit,
        IReadOnlyDictionary<string, int> numbers,
        int threshold = Threshold)
    {
        bool enterUsable = rawEnter is not null && IsRawLayout(rawEnter, isEntry: true);
        bool exitUsable = rawExit is not null && IsRawLayout(rawExit, isEntry: false);
        var candidates = new List<(bool IsEntry, SyscallGroupMember Member)>();
        for (int i = 0; i < formats.Count; i++)
        {
            var format = formats[i];
            bool isEntry = format.FullName.StartsWith(EntryPrefix, StringComparison.Ordinal);
            bool isExit = format.FullName.StartsWith(ExitPrefix, StringComparison.Ordinal);
            if (!(isEntry && enterUsable) && !(isExit && exitUsable))
            {
                continue;
            }

            string name = format.FullName[(isEntry ? EntryPrefix : ExitPrefix).Length..];
            if (numbers.TryGetValue(name, out int number) && IsSyscallLayout(format, isEntry))
            {
                candidates.Add((isEntry, new SyscallGroupMember(number, specs[i])));
            }
        }

        var plans = new List<SyscallGroupPlan>();
        foreach (var group in candidates.GroupBy(c => (c.IsEntry, c.Member.Spec.Filter, c.Member.Spec.MaxStringLength)))
        {
            bool isEntry = group.Key.IsEntry;
            var pending = group.Select(c => c.Member).ToList();

            // One program serves a number once: a second probe of the same syscall goes to the next group.
            while (pending.Count >= threshold)
            {
                var seen = new HashSet<int>();
                var round = new List<SyscallGroupMember>();
                var rest = new List<SyscallGroupMember>();
                foreach (var member in pending)
                {
                    (seen.Add(member.Number) ? round : rest).Add(member);
                }

                if (round.Count < threshold)
                {
                    break;
                }

                plans.Add(SyscallGroupPlan.Create(isEntry, isEntry ? rawEnter!.Id : rawExit!.Id, exitUsable ? rawExit!.Id : null, round));
                pending = rest;
            }
        }

        // Entry groups attach first, so a completion on raw sys_exit runs before a return capture there.
        return [.. plans.OrderBy(p => p.IsEntry ? 0 : 1)];
    }

    /// <summary>sys_enter_X: <c>int __syscall_nr</c> at 8, then 8-byte scalars from 16; sys_exit_X: then <c>long ret</c> at 16.</summary>
    public static bool IsSyscallLayout(TracepointFormat format, bool isEntry)
    {
        var fields = format.Fields;
        if (fields.Length == 0 || fields[0] is not { Name: "__syscall_nr", Offset: SyscallGroupPlan.NumberOffset, Size: 4 })
        {
            return false;
        }

        if (!isEntry)
        {
            return fields.Length == 2 && fields[1] is { Name: "ret", Offset: SyscallGroupPlan.FirstArgumentOffset, Size: 8 };
        }

        if (fields.Length - 1 > SyscallGroupPlan.MaxArguments)
        {
            return false;
        }

        for (int i = 1; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Offset != SyscallGroupPlan.FirstArgumentOffset + (8 * (i - 1)) || field.Size != 8 || field.ArrayLength != 0 ||
                field.IsDataLoc || field.IsFlexibleArray)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>raw_syscalls:sys_enter: <c>long id</c> at 8, <c>unsigned long args[6]</c> at 16; sys_exit: <c>long ret</c> at 16.</summary>
    public static bool IsRawLayout(TracepointFormat format, bool isEntry)
    {
        if (format.Field("id") is not { Offset: SyscallGroupPlan.NumberOffset, Size: 8 })
        {
            return false;
        }

        return isEntry
            ? format.Field("args") is { Offset: SyscallGroupPlan.FirstArgumentOffset, Size: 8 * SyscallGroupPlan.MaxArguments, ArrayLength: SyscallGroupPlan.MaxArguments }
            : format.Field("ret") is { Offset: SyscallGroupPlan.FirstArgumentOffset, Size: 8 };
    }
}
