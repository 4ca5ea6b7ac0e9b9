using System.ComponentModel;
using FlightRec.Runtime.Linux;

namespace FlightRec.Runtime.Providers.Perf;

/// <summary>
/// A list of perf events opened on every CPU (or for one task on every CPU), sharing one ring per
/// CPU: the first event's descriptor on a CPU owns the ring, the others are redirected into it
/// with PERF_EVENT_IOC_SET_OUTPUT. Every sample carries the index of its event's specification.
/// Events are opened disabled; timestamps are CLOCK_MONOTONIC; a ring's descriptor polls readable
/// once the wakeup watermark of bytes has been written.
/// </summary>
public sealed class PerfEventSet : IDisposable
{
    private const int ClockMonotonic = 1;
    private const string ParanoidPath = "/proc/sys/kernel/perf_event_paranoid";
    private const string MlockPath = "/proc/sys/kernel/perf_event_mlock_kb";

    private readonly List<int> _descriptors;
    private readonly int[][] _perCpu;
    private bool _disposed;

    private PerfEventSet(IReadOnlyList<PerfEventSpec> specs, List<int> descriptors, int[][] perCpu, IReadOnlyList<PerfCpuRing> rings, PerfEventIdMap ids)
    {
        _perCpu = perCpu;
        Specs = specs;
        _descriptors = descriptors;
        Rings = rings;
        Ids = ids;
    }

    public IReadOnlyList<PerfEventSpec> Specs { get; }

    /// <summary>
    /// One ring per CPU, in the order of the CPUs opened. Records are in the order the kernel wrote
    /// them: an event firing in an interrupt between another event's timestamp and its write lands
    /// first, so per-CPU time order holds for events that cannot nest (syscall tracepoints) only.
    /// </summary>
    public IReadOnlyList<PerfCpuRing> Rings { get; }

    /// <summary>Kernel event id to specification index (shared by all rings).</summary>
    public PerfEventIdMap Ids { get; }

    /// <summary>Opens every spec on every CPU, disabled. Throws <see cref="PerfEventException"/> with the reason.</summary>
    public static PerfEventSet Open(IReadOnlyList<PerfEventSpec> specs, PerfEventSetOptions? options = null)
    {
        options ??= new PerfEventSetOptions();
        int watermark = Validate(specs, options);
        IReadOnlyList<int> cpus = options.Cpus ?? PerfOnlineCpus.Read();
        var descriptors = new List<int>();
        var rings = new List<PerfCpuRing>();
        try
        {
            // All events first, so the id map is complete before the rings that share it exist.
            var perCpu = new int[cpus.Count][];
            var ids = new List<KeyValuePair<ulong, int>>();
            for (int c = 0; c < cpus.Count; c++)
            {
                perCpu[c] = new int[specs.Count];
                for (int i = 0; i < specs.Count; i++)
                {
                    int fd = OpenOne(specs[i], options, watermark, cpus[c]);
                    descriptors.Add(fd);
                    perCpu[c][i] = fd;
                    ids.Add(new(PerfEventOpen.Id(fd), i));
                }
            }

            var map = new PerfEventIdMap(ids);
            for (int c = 0; c < cpus.Count; c++)
            {
                // SET_OUTPUT needs the target's ring to exist, so map first, then redirect.
                rings.Add(MapRing(perCpu[c][0], cpus[c], options.RingDataPages, map));
                for (int i = 1; i < specs.Count; i++)
                {
                    PerfEventOpen.SetOutput(perCpu[c][i], perCpu[c][0]);
                }
            }

            return new PerfEventSet(specs, descriptors, perCpu, rings, map);
        }
        catch (Win32Exception error)
        {
            Release(descriptors, rings);
            throw new PerfEventException($"perf events: {error.Message}", error.NativeErrorCode, error);
        }
        catch
        {
            Release(descriptors, rings);
            throw;
        }
    }

    /// <summary>
    /// How many times the events of ring <paramref name="ring"/> counted while enabled (read(2) of
    /// each descriptor). For events that sample every occurrence (tracepoints) this is the number of
    /// samples the kernel tried to write, so count − samples read = samples lost, exactly — even the
    /// last losses, which the kernel reports only with its next write.
    /// </summary>
    public ulong EventCount(int ring)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ulong total = 0;
        foreach (int fd in _perCpu[ring])
        {
            if (FileDescriptors.TryReadCounter(fd, out ulong count))
            {
                total += count;
            }
        }

        return total;
    }

    /// <summary>Starts every event on every CPU.</summary>
    public void Enable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (int fd in _descriptors)
        {
            PerfEventOpen.Enable(fd);
        }
    }

    /// <summary>Stops every event; records already in the rings stay there to be drained.</summary>
    public void Disable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (int fd in _descriptors)
        {
            PerfEventOpen.Disable(fd);
        }
    }

    /// <summary>Drains every ring into <paramref name="sink"/>; returns the records consumed.</summary>
    public int DrainAll<TSink>(TSink sink)
        where TSink : IPerfSampleSink
    {
        int records = 0;
        foreach (var ring in Rings)
        {
            records += ring.Drain(sink);
        }

        return records;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Release(_descriptors, Rings);
        }
    }

    private static int Validate(IReadOnlyList<PerfEventSpec> specs, PerfEventSetOptions options)
    {
        if (specs.Count == 0)
        {
            throw new ArgumentException("a perf event set needs at least one event", nameof(specs));
        }

        int pages = options.RingDataPages;
        if (pages < 1 || (pages & (pages - 1)) != 0)
        {
            throw new ArgumentException($"perf ring size must be a power of two of pages, not {pages}", nameof(options));
        }

        int dataBytes = pages * PerfRingMapping.PageSize;
        int watermark = options.WakeupWatermarkBytes ?? Math.Max(1, dataBytes / 4);
        if (watermark < 1 || watermark > dataBytes)
        {
            throw new ArgumentException($"perf wakeup watermark must be 1 to {dataBytes} bytes (the ring), not {watermark}", nameof(options));
        }

        if (options.Inherit && options.TaskId is null)
        {
            throw new ArgumentException("perf inherit needs a task id: system-wide events already see every task", nameof(options));
        }

        return watermark;
    }

    private static int OpenOne(PerfEventSpec spec, PerfEventSetOptions options, int watermark, int cpu)
    {
        var attr = new PerfEventAttr
        {
            Type = spec.Type,
            Config = spec.Config,
            SamplePeriodOrFrequency = spec.Sampling.Value,
            SampleType = PerfRecordDecoder.SampleType,
            Flags = PerfAttrFlags.Disabled | PerfAttrFlags.Watermark | PerfAttrFlags.UseClockId
                | (spec.Sampling.IsFrequency ? PerfAttrFlags.Freq : 0)
                | (options.Inherit ? PerfAttrFlags.Inherit : 0),
            WakeupEventsOrWatermark = (uint)watermark,
            ClockId = ClockMonotonic,
        };
        try
        {
            return PerfEventOpen.Open(ref attr, options.TaskId ?? -1, cpu);
        }
        catch (Win32Exception error)
        {
            throw Explain(spec, options, cpu, error);
        }
    }

    internal static PerfEventException Explain(PerfEventSpec spec, PerfEventSetOptions options, int cpu, Win32Exception error)
    {
        int errno = error.NativeErrorCode;
        string symbol = PerfErrno.Name(errno);
        string message = errno switch
        {
            Errno.EACCES or Errno.EPERM =>
                $"perf events need root or CAP_PERFMON: opening {spec.Name} was refused ({symbol}; {ParanoidPath} is {ReadParanoid()})",
            Errno.ENOENT or PerfErrno.EINVAL when spec.Type == PerfEventType.Tracepoint =>
                $"tracepoint {spec.Name}: the kernel has no tracepoint with id {spec.Config} ({symbol})",
            Errno.ENOENT or PerfErrno.EOPNOTSUPP or PerfErrno.ENODEV when spec.Type == PerfEventType.Hardware =>
                $"hardware counter {spec.Name} is not available on this machine ({symbol})",
            Errno.ESRCH when options.TaskId is int task =>
                $"perf event {spec.Name}: no task with id {task} ({symbol})",
            _ => $"perf event {spec.Name} on CPU {cpu}: {error.Message}",
        };
        return new PerfEventException(message, errno, error) { EventName = spec.Name };
    }

    /// <summary>Why a ring could not be mapped, in user terms: usually the locked-memory limit of perf rings.</summary>
    internal static PerfEventException ExplainMapping(int dataPages, Win32Exception error)
    {
        int errno = error.NativeErrorCode;
        string message = errno is Errno.EPERM or PerfErrno.ENOMEM
            ? $"perf ring of {dataPages} pages per CPU could not be mapped ({PerfErrno.Name(errno)}): without root or CAP_IPC_LOCK perf rings are limited by {MlockPath} and RLIMIT_MEMLOCK"
            : $"perf ring of {dataPages} pages per CPU could not be mapped: {error.Message}";
        return new PerfEventException(message, errno, error);
    }

    private static PerfCpuRing MapRing(int fd, int cpu, int dataPages, PerfEventIdMap map)
    {
        try
        {
            return PerfCpuRing.Map(fd, cpu, dataPages, map);
        }
        catch (Win32Exception error)
        {
            throw ExplainMapping(dataPages, error);
        }
    }

    private static string ReadParanoid()
    {
        try
        {
            return File.ReadAllText(ParanoidPath).Trim();
        }
        catch (IOException)
        {
            return "unreadable";
        }
        catch (UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    private static void Release(List<int> descriptors, IEnumerable<PerfCpuRing> rings)
    {
        foreach (var ring in rings)
        {
            ring.Dispose();
        }

        foreach (int fd in descriptors)
        {
            FileDescriptors.Close(fd);
        }
    }
}
