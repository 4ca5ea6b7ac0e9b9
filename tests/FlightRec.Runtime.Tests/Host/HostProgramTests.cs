using System.Diagnostics;
using FlightRec.Runtime.Host;
using FlightRec.Runtime.Tests.Transport;
using FlightRec.Runtime.Transport;

namespace FlightRec.Runtime.Tests.Host;

public sealed class HostProgramTests : IDisposable
{
    private const string BeginEnd =
        "Probe(\"begin\", ProbeKind.Begin, c => Print(c, \"begin n=\" + N + \" s=\" + S + \"\\n\")), " +
        "Probe(\"end\", ProbeKind.End, c => Print(c, \"end\\n\"))";

    private readonly TemporaryRoot _root = new();
    private readonly int _pid = Environment.ProcessId;

    private string Module(string probes = BeginEnd, string name = "rec", string options = "", string extra = "") =>
        ModuleAssemblies.Build(_root.Path, name + "_" + Guid.NewGuid().ToString("N"), ModuleAssemblies.ModuleSource("Rec", name, probes, extra, options));

    private int Run(out string stdout, params string[] args) => InProcessHost.Run(_root.Sessions, out stdout, args);

    private SessionPaths Paths(string name) => SessionPaths.For(name, _root.Sessions);

    private static (string Stdout, string Stderr) Drain(SessionPaths paths)
    {
        var sink = new CollectingRecordSink();
        using var reader = SessionReader.Open(paths);
        while (reader.Drain(sink))
        {
        }

        return (sink.Stdout, sink.Stderr);
    }

    [Fact]
    public void AMissingModuleIsOneErrorLineAndNothingIsCreated()
    {
        string path = Path.Combine(_root.Path, "nope.dll");

        Assert.Equal(1, Run(out string stdout, "--host", path));

        Assert.Equal($"ERROR: Couldn't open module '{path}': No such file or directory\n", stdout);
        Assert.Empty(_root.SessionNames());
    }

    [Theory]
    [InlineData("Probe(\"timer.profile\", ProbeKind.Event, c => { })", "", "ERROR: probe point timer.profile: not supported by this runtime (no provider can arm it)\n")]
    [InlineData("Probe(\"timer.ms(0)\", ProbeKind.Event, c => { })", "", "ERROR: probe point timer.ms(0): interval value out of range (1, 86400000)\n")]
    [InlineData(BeginEnd, "n=abc", "ERROR: global 'n' takes a number, not 'abc'\n")]
    [InlineData(BeginEnd, "zz=1", "ERROR: module rec has no global 'zz'\n")]
    [InlineData(BeginEnd, "a=1", "ERROR: global 'a' cannot be set from the command line: only long and string scalars can\n")]
    [InlineData(BeginEnd, "n=1 2", "ERROR: Invalid module option 'n=1 2' (should be NAME=VALUE, with no spaces or '!' in VALUE).\n")]
    public void ModuleProblemsAreFoundBeforeAnythingIsCreated(string probes, string assignment, string expected)
    {
        string[] args = assignment.Length == 0 ? [Module(probes)] : [Module(probes), assignment];

        Assert.Equal(1, Run(out string stdout, args));

        Assert.Equal(expected, stdout);
        Assert.Empty(_root.SessionNames());
    }

    [Fact]
    public void AModuleBufferSizeOutOfRangeIsStaprunsError()
    {
        Assert.Equal(1, Run(out string stdout, Module(options: "BufferSizeMegabytes = 0")));

        Assert.Equal("ERROR: Invalid buffer size '0' (should be 1-4095).\n", stdout);
    }

    [Fact]
    public void ACommandTargetThatDoesNotExistIsRefused()
    {
        int gone = ExitedPid();

        Assert.Equal(1, Run(out string stdout, Module(), "--target", gone.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stop-with-target"));

        Assert.Equal($"ERROR: target process {gone} does not exist\n", stdout);
        Assert.Empty(_root.SessionNames());
    }

    [Fact]
    public void ExitInBeginRunsTheEndProbesAndWithoutAConsumerTheRecordingStays()
    {
        string module = Module("Probe(\"begin\", ProbeKind.Begin, c => { Print(c, \"begin n=\" + N + \" s=\" + S + \"\\n\"); c.Session.RequestExit(); }), " +
            "Probe(\"end\", ProbeKind.End, c => Print(c, \"end\\n\"))");

        Assert.Equal(0, Run(out string stdout, module, "n=-7", "s=x.y"));

        Assert.Equal($"ready rec {_pid}\n", stdout);
        Assert.Equal(["rec"], _root.SessionNames());
        using (var header = SessionHeader.Open(Paths("rec").HeaderPath, writable: false))
        {
            Assert.Equal(HostState.Exited, header.State);
            Assert.Equal(0, header.ExitCode);
            Assert.Equal(RingPolicy.Discard, header.Info.Policy);
            Assert.Equal(Environment.ProcessorCount, header.Info.CpuCount);
            Assert.Equal(16L * 1024 * 1024, header.Info.RingCapacity);
        }

        Assert.Equal(("begin n=-7 s=x.y\nend\n", ""), Drain(Paths("rec")));
    }

    [Fact]
    public void AModuleThatStopsBeforeItsAnnouncedConsumerAttachedWaitsForIt()
    {
        string module = Module("Probe(\"begin\", ProbeKind.Begin, c => { Print(c, \"early\\n\"); c.Session.RequestExit(); }), " +
            "Probe(\"end\", ProbeKind.End, c => Print(c, \"end\\n\"))");
        var host = new InProcessHost(_root.Sessions, module, "--consumer", _pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"ready rec {_pid}\n", host.FirstLine());
        Thread.Sleep(200);

        using (var client = ControlClient.Connect(Paths("rec")))
        {
            Assert.True(client.Attach().Ok);
            Assert.Equal(0, client.WaitForExit(10_000));
            Assert.Equal(("early\nend\n", ""), Drain(Paths("rec")));
            client.Done();
        }

        Assert.Equal(0, host.Join());
        Assert.Empty(_root.SessionNames());
    }

    [Fact]
    public void AnAnnouncedConsumerThatDiesFirstLeavesTheRecordingInPlace()
    {
        string module = Module("Probe(\"begin\", ProbeKind.Begin, c => c.Session.RequestExit())");
        using var launcher = Process.Start(new ProcessStartInfo("sleep", "0.3"))!;

        Assert.Equal(0, Run(out string stdout, module, "--consumer", launcher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(launcher.HasExited, "the host waited for the consumer to go");
        Assert.Equal(["rec"], _root.SessionNames());
    }

    [Fact]
    public void AnErrorMakesTheExitStatusOneAndIsInTheMessageChannel()
    {
        string module = Module("Probe(\"begin\", ProbeKind.Begin, c => { throw new ScriptError(\"boom\"); }), " +
            "Probe(\"error\", ProbeKind.Error, c => Print(c, \"error probe\\n\"))", options: "Limits = ScriptLimits.Default with { MaxErrors = 0 }");

        Assert.Equal(1, Run(out string stdout, module, "--overwrite", "--buffer-mb", "1"));

        Assert.Equal($"ready rec {_pid}\n", stdout);
        using (var header = SessionHeader.Open(Paths("rec").HeaderPath, writable: false))
        {
            Assert.Equal(1, header.ExitCode);
            Assert.Equal(RingPolicy.Overwrite, header.Info.Policy);
            Assert.Equal(1024L * 1024, header.Info.RingCapacity);
        }

        var (output, messages) = Drain(Paths("rec"));
        Assert.Equal("error probe\n", output);
        Assert.Equal("ERROR: boom\nWARNING: Number of errors: 1, skipped probes: 0\n", messages);
    }

    [Fact]
    public void AConsumerSeesBeginTimerAndEndOutputAndItsDoneRemovesTheSession()
    {
        string module = Module(BeginEnd + ", Probe(\"timer.ms(1)\", ProbeKind.Event, c => Print(c, \"tick\\n\"))");
        var host = new InProcessHost(_root.Sessions, "--host", module, "--name", "live", "s=hello");
        Assert.Equal($"ready live {_pid}\n", host.FirstLine());
        var paths = Paths("live");

        using (var client = ControlClient.Connect(paths))
        {
            Assert.True(client.Attach().Ok);
            Assert.Equal($"status running discard {_pid}", client.Status());
            Thread.Sleep(50);
            client.RequestExit();
            Assert.Equal(0, client.WaitForExit(10_000));
            using (var header = SessionHeader.Open(paths.HeaderPath, writable: false))
            {
                Assert.Equal(HostState.Exited, header.State);
            }

            var (output, messages) = Drain(paths);
            Assert.StartsWith("begin n=0 s=hello\ntick\n", output);
            Assert.EndsWith("tick\nend\n", output);
            Assert.Equal("", output.Replace("begin n=0 s=hello\n", "").Replace("tick\n", "").Replace("end\n", ""));
            Assert.Equal("", messages);
            client.Done();
        }

        Assert.Equal(0, host.Join());
        Assert.Empty(_root.SessionNames());
    }

    [Fact]
    public void ExitInATimerProbeStopsTheModuleAndTimerHitsNameTheHostAndADispatchThread()
    {
        string module = Module(
            "Probe(\"timer.ms(1)\", ProbeKind.Event, c => { N++; Print(c, N + \" \" + c.Probe.Pid + \" \" + (c.Probe.Tid != c.Probe.Pid) + \"\\n\"); if (N == 5) c.Session.RequestExit(); }), " +
            "Probe(\"end\", ProbeKind.End, c => Print(c, \"end\\n\"))");

        Assert.Equal(0, Run(out string stdout, module));

        Assert.Equal($"ready rec {_pid}\n", stdout);
        string expected = string.Concat(Enumerable.Range(1, 5).Select(i => $"{i} {_pid} True\n")) + "end\n";
        Assert.Equal((expected, ""), Drain(Paths("rec")));
    }

    [Fact]
    public void TimerProbesAreSpreadOverTheCpusRingsRoundRobin()
    {
        // On one CPU both probes share thread 0.
        int second = Math.Min(1, Environment.ProcessorCount - 1);
        string module = Module("Probe(\"timer.ms(1)\", ProbeKind.Event, c => Print(c, \"a\" + c.Cpu + \"\\n\")), " +
            "Probe(\"timer.ms(1)\", ProbeKind.Event, c => Print(c, \"b\" + c.Cpu + \"\\n\"))");
        var host = new InProcessHost(_root.Sessions, module);
        host.FirstLine();
        Thread.Sleep(50);
        using (var client = ControlClient.Connect(Paths("rec")))
        {
            client.RequestExit();
        }

        Assert.Equal(0, host.Join());
        var sink = new CollectingRecordSink();
        using (var reader = SessionReader.Open(Paths("rec")))
        {
            reader.Drain(sink);
        }

        Assert.Contains(sink.Records, r => r.Text == "a0\n");
        Assert.Contains(sink.Records, r => r.Text == $"b{second}\n");
        Assert.All(sink.Records, r => Assert.Equal(r.Text == "a0\n" ? 0 : second, r.Cpu));
    }

    [Fact]
    public void ASecondHostForTheSameNameIsRefusedWithTheFirstHostsPid()
    {
        string module = Module();
        var first = new InProcessHost(_root.Sessions, module);
        first.FirstLine();

        Assert.Equal(1, Run(out string stdout, module));
        Assert.Equal($"ERROR: module rec is already loaded (host pid {_pid})\n", stdout);

        var renamed = new InProcessHost(_root.Sessions, module, "--rename");
        Assert.Equal($"ready rec_{_pid} {_pid}\n", renamed.FirstLine());

        foreach (string name in new[] { "rec", $"rec_{_pid}" })
        {
            using var client = ControlClient.Connect(Paths(name));
            client.RequestExit();
        }

        Assert.Equal(0, first.Join());
        Assert.Equal(0, renamed.Join());
    }

    [Fact]
    public void ARecordingLeftByADeadHostMustBeDumpedAndRemovedFirst()
    {
        int dead = ExitedPid();
        var paths = Paths("rec");
        paths.CreateDirectory();
        using (SessionHeader.Create(paths.HeaderPath, new SessionInfo("rec", "/m/rec.dll", dead, 12345, RingPolicy.Overwrite, false, 1, 64 * 1024)))
        {
        }

        Assert.Equal(1, Run(out string stdout, Module()));

        Assert.Equal(
            $"ERROR: module rec has a recording left by its host (pid {dead}, which is no longer running); " +
            "dump it with \"frrun -D rec\" and remove it with \"frrun -d rec\" first\n", stdout);
        Assert.True(File.Exists(paths.HeaderPath), "the old recording is untouched");
    }

    [Fact]
    public void ARecordingLeftByAnExitedHostSaysSo()
    {
        string module = Module("Probe(\"begin\", ProbeKind.Begin, c => c.Session.RequestExit())");
        Assert.Equal(0, Run(out _, module));

        Assert.Equal(1, Run(out string stdout, module));

        Assert.Equal(
            $"ERROR: module rec has a recording left by its host (pid {_pid}, which has exited); " +
            "dump it with \"frrun -D rec\" and remove it with \"frrun -d rec\" first\n", stdout);
    }

    [Fact]
    public void TheModuleStopsWhenItsTargetExits()
    {
        string module = Module();
        using var target = Process.Start(new ProcessStartInfo("sleep", "1"))!;
        var host = new InProcessHost(_root.Sessions, module, "--target", target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stop-with-target");
        Assert.StartsWith("ready rec", host.FirstLine());

        Assert.Equal(0, host.Join());
        Assert.Equal(("begin n=0 s=\nend\n", ""), Drain(Paths("rec")));
    }

    private static int ExitedPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose() => _root.Dispose();
}
