using FlightRec.Runtime.Providers;
using FlightRec.Runtime.Providers.Catalogue;
using FlightRec.Runtime.Providers.Processes;

namespace FlightRec.Runtime.Tests.Providers.Processes;

public sealed class ProcessProbePointTests
{
    [Theory]
    [InlineData("process.begin", ProcessSelectorKind.All, null, 0, ProcessProbeEvent.Begin)]
    [InlineData("process.end", ProcessSelectorKind.All, null, 0, ProcessProbeEvent.End)]
    [InlineData("process.exec", ProcessSelectorKind.All, null, 0, ProcessProbeEvent.Exec)]
    [InlineData("process(\"/bin/ls\").begin", ProcessSelectorKind.Path, "/bin/ls", 0, ProcessProbeEvent.Begin)]
    [InlineData("process(\"/bin/ls\").exec", ProcessSelectorKind.Path, "/bin/ls", 0, ProcessProbeEvent.Exec)]
    [InlineData("process(123).end", ProcessSelectorKind.Pid, null, 123, ProcessProbeEvent.End)]
    public void CanonicalPointsParseAndPrintBack(string point, ProcessSelectorKind kind, string? path, int pid, ProcessProbeEvent kindOfEvent)
    {
        var parsed = ProcessProbePoint.Parse(point);
        Assert.Equal(new ProcessProbePoint(kind, path, pid, kindOfEvent), parsed);
        Assert.Equal(point, parsed!.ToString());
    }

    [Theory]
    [InlineData("process.begin", true)]
    [InlineData("process(\"/bin/ls\").end", true)]
    [InlineData("process(7).exec", true)]
    [InlineData("process(\"/bin/ls\").thread.begin", false)]
    [InlineData("process(\"/bin/ls\").function(\"main\")", false)]
    [InlineData("processes.begin", false)]
    [InlineData("kernel.trace(\"sched:sched_process_exec\")", false)]
    public void TheProviderRecognisesOnlyBeginEndAndExec(string point, bool recognised)
    {
        Assert.Equal(recognised, new ProcessProvider().Recognizes(point));
    }

    [Fact]
    public void AMalformedProcessPointIsALoadTimeError()
    {
        var error = Assert.Throws<ProbePointException>(() => new ProcessProvider().Recognizes("process(-1).begin"));
        Assert.Equal("probe point process(-1).begin: not a process begin/end/exec point (process.begin, process(\"PATH\").begin or process(PID).begin)", error.Message);
    }

    [Fact]
    public void TheBuilderResolvesANameAlongThePathAndChecksPids()
    {
        using var directory = new TemporaryDirectory();
        string tool = Path.Combine(directory.Path, "tool");
        File.WriteAllText(tool, "");
        string link = Path.Combine(directory.Path, "link");
        File.CreateSymbolicLink(link, tool);
        string canonical = ExecutablePath.Canonical(tool)!;
        var builder = new ProcessPointBuilder(() => "/nonexistent:" + directory.Path, pid => pid == 42);

        Assert.Equal($"process(\"{canonical}\").begin", Build(builder, ProbePointPart.WithString("process", "tool"), "begin"));
        Assert.Equal($"process(\"{canonical}\").end", Build(builder, ProbePointPart.WithString("process", link), "end"));
        Assert.Equal("process(\"nosuch\").end", Build(builder, ProbePointPart.WithString("process", "nosuch"), "end"));
        Assert.Equal("process(42).end", Build(builder, ProbePointPart.WithNumber("process", 42), "end"));
        Assert.Equal("process.begin", Build(builder, ProbePointPart.Bare("process"), "begin"));
        Assert.Equal($"process(\"{canonical}\").exec", Build(builder, ProbePointPart.WithString("process", "tool"), "exec"));
        Assert.Equal("cannot probe pid 7: No such process", Error(builder, ProbePointPart.WithNumber("process", 7)));
        Assert.Equal("cannot probe pid 0: Invalid pid", Error(builder, ProbePointPart.WithNumber("process", 0)));
        Assert.Equal("empty module", Error(builder, ProbePointPart.WithString("process", "")));
    }

    [Fact]
    public void AnExecPointOffersTheExecEventsFieldsAndBeginAndEndNone()
    {
        var builder = new ProcessPointBuilder(() => "", pid => true);

        var exec = Assert.Single(builder.Build([ProbePointPart.Bare("process"), ProbePointPart.Bare("exec")]).Points);
        var begin = Assert.Single(builder.Build([ProbePointPart.Bare("process"), ProbePointPart.Bare("begin")]).Points);

        Assert.Equal(["$filename string", "$pid long", "$old_pid long"], exec.TargetVariables.Select(v => $"{v.Name} {v.Type.ToString().ToLowerInvariant()}"));
        Assert.Empty(begin.TargetVariables);
    }

    private static string Build(ProcessPointBuilder builder, ProbePointPart process, string end) =>
        Assert.Single(builder.Build([process, ProbePointPart.Bare(end)]).Points).Point;

    private static string? Error(ProcessPointBuilder builder, ProbePointPart process) =>
        builder.Build([process, ProbePointPart.Bare("begin")]).Error;

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("frproc").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
