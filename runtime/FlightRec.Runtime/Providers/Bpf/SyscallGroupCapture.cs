using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// A <see cref="SyscallGroupPlan"/> loaded and attached: the array from syscall number to probe,
/// the program on raw_syscalls:sys_enter (or sys_exit) and, for entry probes with user strings,
/// a stash per shape with strings and the completion program on raw_syscalls:sys_exit. Disposing detaches them.
/// </summary>
public sealed class SyscallGroupCapture : IDisposable
{
    private readonly List<IDisposable> _resources;

    private SyscallGroupCapture(BpfMap probes, List<IDisposable> resources)
    {
        Probes = probes;
        _resources = resources;
    }

    /// <summary>The array the programs read: syscall number → <see cref="SyscallGroupPlan.WriteValue"/>.</summary>
    public BpfMap Probes { get; }

    /// <summary>
    /// Creates the maps, fills the array, loads and attaches the programs of <paramref name="plan"/>
    /// writing to <paramref name="channel"/>. The completion program goes first: an entry stashed
    /// before it runs would wait for an exit nobody watches. Throws
    /// <see cref="BpfVerifierException"/> if the kernel rejects a program, a Win32Exception if a
    /// map, a load or an attachment fails.
    /// </summary>
    public static SyscallGroupCapture Attach(BpfCaptureChannel channel, SyscallGroupPlan plan)
    {
        int ring = channel.RingBuffer.FileDescriptor;
        int lost = channel.LostCounter.FileDescriptor;
        string kind = plan.IsEntry ? "enter" : "exit";
        var resources = new List<IDisposable>();
        try
        {
            var probes = BpfMap.Create(BpfMapType.Array, 4, SyscallGroupPlan.ValueSize, plan.MapEntries, $"fr_sys_{kind}");
            resources.Add(probes);
            Fill(probes, plan);
            // One stash per shape with strings: a map has one value size, and each shape its own record size.
            var stashes = new Dictionary<int, int>();
            if (plan.CompletionTracepointId is { } exitId)
            {
                foreach (int shape in plan.StringShapeIds())
                {
                    var stash = BpfMap.Create(BpfMapType.Hash, 4, plan.LayoutOf(plan.Shapes[shape - 1]).TotalSize,
                        TracepointCaptureProbe.StashEntries, $"fr_sys_stash{shape}", BpfMapFlags.NoPreallocate);
                    resources.Add(stash);
                    stashes.Add(shape, stash.FileDescriptor);
                }

                var completion = Load(SyscallGroupCompletionProgram.Emit(plan, probes.FileDescriptor, ring, lost, stashes), "fr_sys_complete");
                resources.Add(completion);
                resources.Add(BpfTracepointAttachment.Attach(exitId, completion));
            }

            var program = Load(SyscallGroupProgram.Emit(plan, probes.FileDescriptor, ring, lost, stashes), $"fr_sys_{kind}");
            resources.Add(program);
            resources.Add(BpfTracepointAttachment.Attach(plan.TracepointId, program));
            return new SyscallGroupCapture(probes, resources);
        }
        catch
        {
            Release(resources);
            throw;
        }
    }

    private static void Fill(BpfMap probes, SyscallGroupPlan plan)
    {
        Span<byte> key = stackalloc byte[4];
        Span<byte> value = stackalloc byte[SyscallGroupPlan.ValueSize];
        foreach (var (number, probeIndex, shape) in plan.Entries())
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(key, number);
            SyscallGroupPlan.WriteValue(value, probeIndex, shape);
            probes.Update(key, value);
        }
    }

    private static BpfProgram Load(BpfInstruction[] code, string name) =>
        BpfProgram.Load(BpfProgramType.Tracepoint, code, TracepointCaptureProgram.License, name);

    /// <summary>Newest first: the entry program detaches before the completion that finishes its records.</summary>
    private static void Release(List<IDisposable> resources)
    {
        for (int i = resources.Count - 1; i >= 0; i--)
        {
            resources[i].Dispose();
        }

        resources.Clear();
    }

    public void Dispose() => Release(_resources);
}
