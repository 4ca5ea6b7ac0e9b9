using System.Diagnostics;
using System.Runtime.InteropServices;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Providers.Perf;
using FlightRec.Runtime.Providers.Tracepoints;
using FlightRec.Runtime.Tests.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Perf;

/// <summary>
/// Real perf events (root, tracefs). In the tracefs collection: those tests change FLIGHTREC_TRACEFS,
/// and running alone keeps other tests' threads from competing with the CPU-clock sampling.
/// </summary>
[Collection(TracefsEnvironmentCollection.Name)]
public sealed class PerfEventSetTests(ITestOutputHelper log)
{
    private const string EnterGetppid = "syscalls:sys_enter_getppid";
    private const string ExitGetppid = "syscalls:sys_exit_getppid";

    [Fact]
    public void EveryGetppidOfTheTestThreadIsSampledOnceWithItsIdsAndAMonotonicTime()
    {
        if (RealPerf.Open(log) is not { } tracefs)
        {
            return;
        }

        using var set = PerfEventSet.Open([Tracepoint(tracefs, EnterGetppid)], new() { RingDataPages = 512 });
        int tid = ProcessIds.ThreadId;
        set.Enable();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < 10_000; i++)
        {
            _ = ProcessIds.ParentProcessId;
        }

        long end = Stopwatch.GetTimestamp();
        set.Disable();

        var ours = new List<RecordedSample>();
        foreach (var ring in set.Rings)
        {
            var sink = new RecordingSink();
            ring.Drain(sink);
            Assert.Empty(sink.LostNotices);
            var times = sink.Samples.Select(s => s.TimeNanoseconds).ToList();
            Assert.Equal(times.Order(), times); // the kernel writes a CPU's records in time order
            Assert.All(sink.Samples, s => Assert.Equal(ring.Cpu, s.Cpu));
            ours.AddRange(sink.Samples.Where(s => s.Pid == Environment.ProcessId));
        }

        Assert.Equal(10_000, ours.Count);
        Assert.All(ours, s =>
        {
            Assert.Equal(tid, s.Tid);
            Assert.Equal(0, s.EventIndex);
            Assert.Equal(1UL, s.Period);
            Assert.InRange(s.TimeNanoseconds, start, end);
        });
    }

    [Fact]
    public void AFullRingReportsLostRecordsAndSamplesPlusLostAddUpToTheEvents()
    {
        if (RealPerf.Open(log) is not { } tracefs)
        {
            return;
        }

        var spec = Tracepoint(tracefs, EnterGetppid);
        var (sink, samples, lost) = RealPerf.OnPinnedThread(FirstAllowedCpu(), () =>
        {
            // This thread only, so no other process's getppid lands in the one-page rings.
            using var set = PerfEventSet.Open([spec], new() { RingDataPages = 1, TaskId = ProcessIds.ThreadId });
            var sink = new RecordingSink();
            set.Enable();
            for (int round = 0; round < 10; round++)
            {
                for (int i = 0; i < 1_000; i++)
                {
                    _ = ProcessIds.ParentProcessId;
                }

                set.DrainAll(sink);
            }

            // The kernel writes the lost notice with the next record that fits: one more event flushes it.
            _ = ProcessIds.ParentProcessId;
            set.Disable();
            set.DrainAll(sink);
            return (sink, set.Rings.Aggregate(0UL, (n, r) => n + r.Samples), set.Rings.Aggregate(0UL, (n, r) => n + r.LostRecords));
        });

        log.WriteLine($"samples {sink.Samples.Count}, lost {sink.LostTotal} in {sink.LostNotices.Count} notices");
        Assert.NotEmpty(sink.LostNotices);
        Assert.Equal(10_001UL, (ulong)sink.Samples.Count + sink.LostTotal);
        Assert.Equal((ulong)sink.Samples.Count, samples);
        Assert.Equal(sink.LostTotal, lost);
    }

    [Fact]
    public void TwoTracepointsShareEachCpusRingAndEverySampleNamesItsOwnSpec()
    {
        if (RealPerf.Open(log) is not { } tracefs)
        {
            return;
        }

        var enter = tracefs.Format(EnterGetppid);
        var exit = tracefs.Format(ExitGetppid);
        using var set = PerfEventSet.Open([Tracepoint(tracefs, EnterGetppid), Tracepoint(tracefs, ExitGetppid)], new() { RingDataPages = 128 });
        Assert.Equal(PerfOnlineCpus.Read(), set.Rings.Select(r => r.Cpu));
        Assert.Equal(2 * set.Rings.Count, set.Ids.Count);
        int tid = ProcessIds.ThreadId;
        int parent = ProcessIds.ParentProcessId;
        set.Enable();
        for (int i = 0; i < 1_000; i++)
        {
            _ = ProcessIds.ParentProcessId;
        }

        set.Disable();
        var sink = new RecordingSink();
        set.DrainAll(sink);

        var ours = sink.Samples.Where(s => s.Tid == tid).OrderBy(s => s.TimeNanoseconds).ToList();
        Assert.Equal(2_000, ours.Count);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => i % 2), ours.Select(s => s.EventIndex)); // enter, exit, enter, ...
        Assert.All(ours, s =>
        {
            // The raw record starts with common_type: the tracefs id of the event that wrote it.
            var format = s.EventIndex == 0 ? enter : exit;
            Assert.Equal(format.Id, BitConverter.ToUInt16(s.Raw, 0));
            Assert.Equal(GetppidSyscallNumber(), BitConverter.ToInt32(s.Raw, format.Field("__syscall_nr")!.Offset));
        });
        int retOffset = exit.Field("ret")!.Offset;
        Assert.All(ours.Where(s => s.EventIndex == 1), s => Assert.Equal(parent, BitConverter.ToInt64(s.Raw, retOffset)));
    }

    [Fact]
    public void CpuClockSamplesEveryMillisecondFindTheSpinningThreadOnItsCpu()
    {
        if (RealPerf.Open(log) is null)
        {
            return;
        }

        int cpu = FirstAllowedCpu();
        using var set = PerfEventSet.Open(
            [PerfEventSpec.Software("cpu_clock", PerfSoftwareCounter.CpuClock, PerfSampling.Period(1_000_000))],
            new() { RingDataPages = 64 });
        set.Enable();
        var (spinner, start, end) = RealPerf.OnPinnedThread(cpu, () =>
        {
            long start = Stopwatch.GetTimestamp();
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 200)
            {
                Thread.SpinWait(100);
            }

            return (ProcessIds.ThreadId, start, Stopwatch.GetTimestamp());
        });
        set.Disable();
        var sink = new RecordingSink();
        set.DrainAll(sink);

        // The machine is shared, so the spinner gets only part of its CPU: the CPU's clock ticks
        // every millisecond whoever runs, the spinner's share depends on the other load.
        var onItsCpu = sink.Samples.Where(s => s.Cpu == cpu).ToList();
        // Outside [start, end] the thread was pinning itself (maybe on another CPU) or exiting.
        var spins = sink.Samples.Where(s => s.Tid == spinner && s.TimeNanoseconds >= start && s.TimeNanoseconds <= end).ToList();
        log.WriteLine($"{sink.Samples.Count} samples, {onItsCpu.Count} on CPU {cpu}, {spins.Count} of the spinning thread");
        Assert.InRange(onItsCpu.Count, 50, 1_000);
        Assert.InRange(spins.Count, 10, 220);
        Assert.All(spins, s =>
        {
            Assert.Equal(cpu, s.Cpu);
            Assert.Equal(Environment.ProcessId, s.Pid);
            Assert.Equal(1_000_000UL, s.Period);
            Assert.Equal(new byte[4], s.Raw);
        });
    }

    [Fact]
    public void WithInheritTheThreadsATaskStartsAreSampledUnderTheSameSpec()
    {
        if (RealPerf.Open(log) is not { } tracefs)
        {
            return;
        }

        using var set = PerfEventSet.Open(
            [Tracepoint(tracefs, EnterGetppid)],
            new() { TaskId = ProcessIds.ThreadId, Inherit = true, RingDataPages = 64 });
        set.Enable();
        int child = 0;
        var thread = new Thread(() =>
        {
            child = ProcessIds.ThreadId;
            for (int i = 0; i < 100; i++)
            {
                _ = ProcessIds.ParentProcessId;
            }
        });
        thread.Start();
        thread.Join();
        set.Disable();
        var sink = new RecordingSink();
        set.DrainAll(sink);

        var fromChild = sink.Samples.Where(s => s.Tid == child).ToList();
        Assert.Equal(100, fromChild.Count);
        Assert.All(fromChild, s => Assert.Equal(0, s.EventIndex)); // PERF_SAMPLE_IDENTIFIER carries the parent event's id
    }

    [Fact]
    public void TheRingPollsReadableOnlyOnceTheWatermarkOfBytesIsWritten()
    {
        if (RealPerf.Open(log) is not { } tracefs)
        {
            return;
        }

        var spec = Tracepoint(tracefs, EnterGetppid);
        int cpu = FirstAllowedCpu();
        var (early, late, drained) = RealPerf.OnPinnedThread(cpu, () =>
        {
            // One ring, this thread only: each getppid writes one 64-byte sample.
            using var set = PerfEventSet.Open(
                [spec],
                new() { TaskId = ProcessIds.ThreadId, Cpus = [cpu], RingDataPages = 16, WakeupWatermarkBytes = 4096 });
            int epoll = Epoll.Create();
            try
            {
                Epoll.Add(epoll, set.Rings[0].FileDescriptor, Epoll.EPOLLIN, 0);
                var events = new EpollEvents(4);
                set.Enable();
                for (int i = 0; i < 10; i++)
                {
                    _ = ProcessIds.ParentProcessId;
                }

                int early = Epoll.Wait(epoll, events, 100);
                for (int i = 0; i < 100; i++)
                {
                    _ = ProcessIds.ParentProcessId;
                }

                int late = Epoll.Wait(epoll, events, 2_000);
                set.Disable();
                return (early, late, set.DrainAll(new RecordingSink()));
            }
            finally
            {
                FileDescriptors.Close(epoll);
            }
        });

        Assert.Equal(0, early); // 640 bytes: below the watermark, nobody is woken
        Assert.Equal(1, late); // 7,040 bytes: past it
        Assert.Equal(110, drained);
    }

    [Fact]
    public void ABadTracepointIdIsNamedInTheError()
    {
        if (RealPerf.Open(log) is null)
        {
            return;
        }

        var error = Assert.Throws<PerfEventException>(() => PerfEventSet.Open([PerfEventSpec.Tracepoint("syscalls:sys_enter_nothing", 999_999)]));

        // perf_trace_init answers EINVAL for an id no tracepoint has (ENOENT on some older kernels).
        Assert.Equal("tracepoint syscalls:sys_enter_nothing: the kernel has no tracepoint with id 999999 (EINVAL)", error.Message);
        Assert.Equal(PerfErrno.EINVAL, error.Errno);
    }

    [Fact]
    public void AHardwareCounterTheMachineLacksIsNamedInTheError()
    {
        if (RealPerf.Open(log) is null)
        {
            return;
        }

        try
        {
            using var set = PerfEventSet.Open([PerfEventSpec.Hardware("cpu_cycles", PerfHardwareCounter.CpuCycles, PerfSampling.Frequency(1_000))]);
            log.WriteLine("this machine has a cycle counter: the unavailable message is checked by the explanation test only");
        }
        catch (PerfEventException error)
        {
            log.WriteLine(error.Message);
            Assert.Matches(@"^hardware counter cpu_cycles is not available on this machine \((ENOENT|EOPNOTSUPP|ENODEV)\)$", error.Message);
        }
    }

    [Fact]
    public void RefusalsAndMissingCountersAreExplainedInUserTerms()
    {
        string paranoid = File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim();
        var tracepoint = PerfEventSpec.Tracepoint(EnterGetppid, 305);
        var cycles = PerfEventSpec.Hardware("cpu_cycles", PerfHardwareCounter.CpuCycles, PerfSampling.Period(100_000));
        var options = new PerfEventSetOptions { TaskId = 4242 };

        Assert.Equal(
            $"perf events need root or CAP_PERFMON: opening syscalls:sys_enter_getppid was refused (EACCES; /proc/sys/kernel/perf_event_paranoid is {paranoid})",
            Explain(tracepoint, options, Errno.EACCES));
        Assert.Equal(
            $"perf events need root or CAP_PERFMON: opening cpu_cycles was refused (EPERM; /proc/sys/kernel/perf_event_paranoid is {paranoid})",
            Explain(cycles, options, Errno.EPERM));
        Assert.Equal("hardware counter cpu_cycles is not available on this machine (EOPNOTSUPP)", Explain(cycles, options, PerfErrno.EOPNOTSUPP));
        Assert.Equal("hardware counter cpu_cycles is not available on this machine (ENOENT)", Explain(cycles, options, Errno.ENOENT));
        Assert.Equal("perf event syscalls:sys_enter_getppid: no task with id 4242 (ESRCH)", Explain(tracepoint, options, Errno.ESRCH));
        Assert.Equal("perf event cpu_cycles on CPU 1: perf_event_open: Too many open files (EMFILE)", Explain(cycles, options, PerfErrno.EMFILE));
        Assert.Equal(
            "perf ring of 4096 pages per CPU could not be mapped (EPERM): without root or CAP_IPC_LOCK perf rings are limited by /proc/sys/kernel/perf_event_mlock_kb and RLIMIT_MEMLOCK",
            PerfEventSet.ExplainMapping(4096, PerfEventOpen.Error("mmap perf ring", Errno.EPERM)).Message);
        Assert.Equal(
            "perf ring of 8 pages per CPU could not be mapped: mmap perf ring: Invalid argument (EINVAL)",
            PerfEventSet.ExplainMapping(8, PerfEventOpen.Error("mmap perf ring", PerfErrno.EINVAL)).Message);
    }

    [Fact]
    public void OptionsTheKernelWouldRejectAreRefusedBeforeOpening()
    {
        var spec = PerfEventSpec.Tracepoint(EnterGetppid, 305);

        Assert.Equal(
            "perf ring size must be a power of two of pages, not 3 (Parameter 'options')",
            Assert.Throws<ArgumentException>(() => PerfEventSet.Open([spec], new() { RingDataPages = 3 })).Message);
        Assert.Equal(
            "perf inherit needs a task id: system-wide events already see every task (Parameter 'options')",
            Assert.Throws<ArgumentException>(() => PerfEventSet.Open([spec], new() { Inherit = true })).Message);
        int ringBytes = 2 * PerfRingMapping.PageSize;
        Assert.Equal(
            $"perf wakeup watermark must be 1 to {ringBytes} bytes (the ring), not {ringBytes + 1} (Parameter 'options')",
            Assert.Throws<ArgumentException>(() => PerfEventSet.Open([spec], new() { RingDataPages = 2, WakeupWatermarkBytes = ringBytes + 1 })).Message);
        Assert.Equal(
            "a perf event set needs at least one event (Parameter 'specs')",
            Assert.Throws<ArgumentException>(() => PerfEventSet.Open([])).Message);
    }

    private static string Explain(PerfEventSpec spec, PerfEventSetOptions options, int errno) =>
        PerfEventSet.Explain(spec, options, 1, PerfEventOpen.Error("perf_event_open", errno)).Message;

    private static PerfEventSpec Tracepoint(TracefsCatalogue tracefs, string name) =>
        PerfEventSpec.Tracepoint(name, (ulong)tracefs.Format(name).Id);

    private static int FirstAllowedCpu() => CpuAffinity.AllowedCpus()[0];

    private static int GetppidSyscallNumber() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 110,
        Architecture.Arm64 => 173,
        var other => throw new PlatformNotSupportedException($"getppid's number on {other}"),
    };
}
