using System.IO.MemoryMappedFiles;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Providers;
using FlightRec.Runtime.Providers.Perf;
using FlightRec.Runtime.Tests.Execution;
using FlightRec.Runtime.Tests.Perf;
using FlightRec.Runtime.Tests.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Providers.Perf;

/// <summary>perf.type(T).config(C) points opened on this machine's kernel (root; CI fails without it).</summary>
[Collection(TracefsEnvironmentCollection.Name)]
public sealed class PerfCounterProviderKernelTests(ITestOutputHelper log)
{
    private const int Pages = 64;

    [Fact]
    public void PageFaultsSampledEveryFaultIncludeOnePerFreshPageThisProcessTouches()
    {
        if (RealPerf.Open(log) is null)
        {
            return;
        }

        var module = new TestModule();
        var probe = module.Add(ProbeKind.Event, "perf.type(1).config(2).sample(1)", _ => { });
        var streams = new PerfCounterProvider().Create([probe]);
        try
        {
            foreach (var stream in streams)
            {
                stream.Arm();
            }

            // A new shared anonymous mapping: its pages are fresh (malloc could hand back pages
            // already touched), so the first write to each is a page fault of this process.
            int pageSize = Environment.SystemPageSize;
            using (var memory = MemoryMappedFile.CreateNew(null, (long)Pages * pageSize))
            using (var view = memory.CreateViewAccessor())
            {
                for (int page = 0; page < Pages; page++)
                {
                    view.Write((long)page * pageSize, (byte)1);
                }
            }

            foreach (var stream in streams)
            {
                stream.Disarm();
            }

            var dispatch = new RecordingDispatch(new ScriptSession(module, new CollectingSink(), new StringWriter()).CreateContext(0));
            foreach (var stream in streams)
            {
                stream.Drain(dispatch);
            }

            int ours = dispatch.Hits.Count(h => h.Pid == Environment.ProcessId);
            Assert.True(ours >= Pages, $"{ours} page-fault samples of this process, expected at least {Pages}");
            Assert.All(dispatch.Hits, h => Assert.Equal("perf.type(1).config(2).sample(1)", h.Point));
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    [Fact]
    public void AHardwareCounterEitherOpensOrFailsWithStapsRegistrationError()
    {
        if (RealPerf.Open(log) is null)
        {
            return;
        }

        var module = new TestModule();
        const string Point = "perf.type(0).config(0).sample(1000000)";
        var probe = module.Add(ProbeKind.Event, Point, _ => { });
        try
        {
            var streams = new PerfCounterProvider().Create([probe]);
            Assert.NotEmpty(streams);
            log.WriteLine($"this machine has cpu-cycles: {streams.Count} streams");
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
        catch (ProbeRegistrationException e)
        {
            string symbol = FlightRec.Runtime.Linux.PerfErrno.Name(e.Errno);
            Assert.Equal(
                $"probe {Point} registration error [man warning::pass5] (rc {-e.Errno}): hardware counter {Point} is not available on this machine ({symbol})",
                e.Message);
            log.WriteLine(e.Message);
        }
    }

    [Fact]
    public void ATargetPointWithoutATargetIsAnError()
    {
        var module = new TestModule();
        var probe = module.Add(ProbeKind.Event, "perf.type(1).config(2).sample(1).process", _ => { });
        var error = Assert.Throws<ProbePointException>(() => new PerfCounterProvider().Create([probe], 0));
        Assert.Equal("probe point perf.type(1).config(2).sample(1).process: unspecified process probe is invalid without a -c COMMAND or -x PID [man stapprobes]",
            error.Message);
    }
}
