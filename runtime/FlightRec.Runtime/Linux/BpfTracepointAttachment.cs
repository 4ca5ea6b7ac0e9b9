namespace FlightRec.Runtime.Linux;

/// <summary>
/// Runs a tracepoint BPF program on every hit of one tracepoint: a counting perf event
/// (PERF_TYPE_TRACEPOINT, config = the tracefs id) with the program set by
/// PERF_EVENT_IOC_SET_BPF, then enabled. The kernel hangs the program on the tracepoint
/// itself, not on the perf event's CPU, so one event for all processes, opened on CPU 0 (or
/// the first online CPU), runs the program on every CPU. Disposing closes the event, which
/// detaches the program.
/// perf_event_open and its ioctls are <see cref="PerfEventOpen"/>'s.
/// </summary>
public sealed class BpfTracepointAttachment : IDisposable
{
    private const int ENODEV = 19;

    private int _fd;

    private BpfTracepointAttachment(int fd) => _fd = fd;

    public int FileDescriptor => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(BpfTracepointAttachment));

    /// <summary>Attaches <paramref name="program"/> to the tracepoint whose tracefs id is <paramref name="tracepointId"/>.</summary>
    public static BpfTracepointAttachment Attach(int tracepointId, BpfProgram program)
    {
        int fd = OpenTracepointEvent(tracepointId);
        try
        {
            PerfEventOpen.SetBpf(fd, program.FileDescriptor);
            PerfEventOpen.Enable(fd);
            return new BpfTracepointAttachment(fd);
        }
        catch
        {
            FileDescriptors.Close(fd);
            throw;
        }
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            FileDescriptors.Close(fd);
        }
    }

    private static int OpenTracepointEvent(int tracepointId)
    {
        var attr = new PerfEventAttr
        {
            Type = PerfEventType.Tracepoint,
            Config = (ulong)tracepointId,
            SamplePeriodOrFrequency = 1, // counting: no ring is mapped, so nothing is sampled
            Flags = PerfAttrFlags.Disabled,
        };

        // pid -1 (every process) needs a CPU; the program runs on all CPUs regardless, so
        // the first CPU that is online (ENODEV otherwise) will do.
        for (int cpu = 0; ; cpu++)
        {
            try
            {
                return PerfEventOpen.Open(ref attr, -1, cpu);
            }
            catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == ENODEV && cpu + 1 < BpfPossibleCpus.Count)
            {
            }
        }
    }
}
