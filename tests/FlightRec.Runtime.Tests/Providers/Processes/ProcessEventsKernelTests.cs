using System.Diagnostics;
using FlightRec.Runtime.Providers.Perf;
using FlightRec.Runtime.Providers.Processes;
using FlightRec.Runtime.Tests.Perf;
using FlightRec.Runtime.Tests.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Providers.Processes;

/// <summary>The process tracepoints of the running kernel, read by the decoder into the tracker (root and tracefs; CI fails without them).</summary>
[Collection(TracefsEnvironmentCollection.Name)]
public sealed class ProcessEventsKernelTests(ITestOutputHelper log)
{
    [Fact]
    public void AChildOfTheTargetBeginsAtForkEndsAndBeginsAgainAtExecAndEndsAtExit()
    {
        if (RealPerf.Open(log) is not { } tracefs)
        {
            return;
        }

        var formats = ProcessEventFormats.From(tracefs);
        var probes = new[] { "process.begin", "process.end" }.Select(p => ProcessProbePoint.Parse(p)!).ToList();
        var tracker = new ProcessTracker(probes);
        var sink = new RecordingHitSink(probes);
        var decoder = new ProcessEventDecoder(formats, tracker) { Sink = sink };
        using var events = PerfEventSet.Open(ProcessEventDecoder.Specs(formats), new() { RingDataPages = 64 });
        events.Enable();
        tracker.Start(Environment.ProcessId, RunningProcesses.Scan(), Stopwatch.GetTimestamp(), 0, sink);
        string truePath = ExecutablePath.Find("true", Environment.GetEnvironmentVariable("PATH"));
        int child;
        using (var process = Process.Start(new ProcessStartInfo(truePath) { UseShellExecute = false })!)
        {
            child = process.Id;
            process.WaitForExit();
        }

        events.Disable();
        events.DrainAll(decoder);

        var ours = sink.Hits.Select(h => h.Split(' ')).Where(h => h[1] == child.ToString()).ToList();
        Assert.Equal(["process.begin", "process.end", "process.begin", "process.end"], ours.Select(h => h[0]));
        Assert.Equal(["true", "true"], ours.Skip(2).Select(h => h[3]));
        Assert.Equal(0, decoder.Lost);
    }
}
