using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Bpf;

/// <summary>
/// A capture program loaded and attached to one tracepoint, writing into a
/// <see cref="BpfCaptureChannel"/>; for a syscall entry, optionally with the stash and the
/// program on the syscall's exit that completes records whose strings were not readable at
/// entry (<see cref="SyscallExitCaptureProgram"/>). Disposing detaches it.
/// </summary>
public sealed class TracepointCaptureProbe : IDisposable
{
    /// <summary>
    /// Threads that can be inside a syscall with a stashed record at once. Past that, stashing
    /// fails and the record counts as lost. Elements are allocated as inserted (no
    /// preallocation), so the size only bounds memory.
    /// </summary>
    public const int StashEntries = 10240;

    private readonly List<IDisposable> _resources;

    private TracepointCaptureProbe(TracepointCaptureSpec spec, BpfMap? stash, List<IDisposable> resources)
    {
        Spec = spec;
        Layout = TracepointCaptureLayout.For(spec);
        Stash = stash;
        _resources = resources;
    }

    public TracepointCaptureSpec Spec { get; }

    public TracepointCaptureLayout Layout { get; }

    /// <summary>Records waiting for their syscall's exit, by thread id; null without an exit tracepoint.</summary>
    public BpfMap? Stash { get; }

    /// <summary>
    /// Emits, loads and attaches the program for <paramref name="spec"/> to the tracepoint with
    /// tracefs id <paramref name="tracepointId"/>. With <paramref name="exitTracepointId"/> (the id
    /// of <c>syscalls:sys_exit_X</c> when the tracepoint is <c>syscalls:sys_enter_X</c>), a record
    /// whose string cannot be read at entry is completed and submitted at the syscall's exit
    /// instead of being submitted with a fault status. Throws <see cref="BpfVerifierException"/> if
    /// the kernel rejects a program, a Win32Exception if a map, a load or an attachment fails.
    /// </summary>
    public static TracepointCaptureProbe Attach(BpfCaptureChannel channel, int tracepointId, TracepointCaptureSpec spec, int? exitTracepointId = null)
    {
        int ring = channel.RingBuffer.FileDescriptor;
        int lost = channel.LostCounter.FileDescriptor;
        var resources = new List<IDisposable>();
        try
        {
            BpfMap? stash = null;
            if (exitTracepointId is { } exitId)
            {
                stash = BpfMap.Create(
                    BpfMapType.Hash, 4, TracepointCaptureLayout.For(spec).TotalSize, StashEntries, $"fr_stash_{spec.ProbeIndex}", BpfMapFlags.NoPreallocate);
                resources.Add(stash);

                // The exit side first: an entry stashed before it is attached would wait forever.
                var exit = Load(SyscallExitCaptureProgram.Emit(spec, ring, lost, stash.FileDescriptor), $"fr_complete_{spec.ProbeIndex}");
                resources.Add(exit);
                resources.Add(BpfTracepointAttachment.Attach(exitId, exit));
            }

            var entry = Load(TracepointCaptureProgram.Emit(spec, ring, lost, stash?.FileDescriptor), $"fr_capture_{spec.ProbeIndex}");
            resources.Add(entry);
            resources.Add(BpfTracepointAttachment.Attach(tracepointId, entry));
            return new TracepointCaptureProbe(spec, stash, resources);
        }
        catch
        {
            Release(resources);
            throw;
        }
    }

    private static BpfProgram Load(BpfInstruction[] code, string name) =>
        BpfProgram.Load(BpfProgramType.Tracepoint, code, TracepointCaptureProgram.License, name);

    /// <summary>Newest first: the entry detaches before the exit that completes its records.</summary>
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
