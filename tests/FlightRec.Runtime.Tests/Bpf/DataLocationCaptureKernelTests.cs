using System.Diagnostics;
using FlightRec.Runtime.Context;
using FlightRec.Runtime.Providers.Bpf;
using FlightRec.Runtime.Providers.Tracepoints;
using FlightRec.Runtime.Tapset;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Bpf;

/// <summary>The <c>__data_loc</c> filename of sched:sched_process_exec, captured by eBPF on the running kernel.</summary>
[Collection(BpfKernelCollection.Name)]
public sealed class DataLocationCaptureKernelTests(ITestOutputHelper log)
{
    private const string Program = "/bin/true";

    private static (CapturedEvent Event, long Lost) CaptureExecOf(TracepointCaptureSpec spec, TracepointFormat format)
    {
        var sink = new CollectingSink();
        int child;
        long lost;
        using (var channel = BpfCaptureChannel.Create(1 << 20))
        {
            using (TracepointCaptureProbe.Attach(channel, format.Id, spec))
            {
                using var process = Process.Start(new ProcessStartInfo(Program) { UseShellExecute = false })!;
                child = process.Id;
                process.WaitForExit();
            }

            channel.Reader.Drain(sink);
            lost = channel.ReadLost();
        }

        return (Assert.Single(sink.Events, e => e.ProcessId == child), lost);
    }

    private static string Filename(CapturedEvent captured, TracepointFormat format)
    {
        var record = new TracepointEvent();
        record.Load(captured.Record, new TracepointEventLayout(format, ["filename"]));
        return TapsetTracepoint.Text(new ProbeContext { Event = record }, 0);
    }

    [Fact]
    public void TheFilenameOfAnExecIsReadFromTheCapturedRecord()
    {
        if (BpfKernel.ProcessExecFormat(log) is not { } format)
        {
            return;
        }

        var (exec, lost) = CaptureExecOf(TracepointCaptureSpec.ForFormat(format, 2, []), format);

        Assert.Equal(0, lost);
        Assert.Equal((2, "true", Program), (exec.ProbeIndex, exec.Comm, Filename(exec, format)));
        // The fixed part, then the path and its NUL: nothing past where the data ends.
        Assert.Equal(TracepointCaptureSpec.RecordSizeOf(format) + Program.Length + 1, exec.Record.Length);
    }

    [Fact]
    public void AFilenamePastTheCapacityIsCut()
    {
        if (BpfKernel.ProcessExecFormat(log) is not { } format)
        {
            return;
        }

        var (exec, _) = CaptureExecOf(TracepointCaptureSpec.ForFormat(format, 2, []) with { DynamicCapacity = 4 }, format);

        Assert.Equal(TracepointCaptureSpec.RecordSizeOf(format) + 4, exec.Record.Length);
        Assert.Equal("/bin", Filename(exec, format));
    }
}
