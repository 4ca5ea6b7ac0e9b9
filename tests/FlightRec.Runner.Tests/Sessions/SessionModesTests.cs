using FlightRec.Runtime.Transport;

namespace FlightRec.Runner.Tests.Sessions;

/// <summary>-A, -D, -d and -l on sessions a host left behind (written here without a host), as a user sees them.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class SessionModesTests : IDisposable
{
    private readonly SessionRoot _root = new();
    private readonly TemporaryDirectory _work = new();

    public void Dispose()
    {
        _root.Dispose();
        _work.Dispose();
    }

    [Theory]
    [InlineData("-A")]
    [InlineData("-D")]
    [InlineData("-d")]
    public void AnUnknownModuleIsNotLoaded(string mode)
    {
        Assert.Equal(new FrrunRun(1, "", "ERROR: no module named nosuch is loaded\n"), FrrunRun.Of(mode, "nosuch"));
        Assert.Equal(new FrrunRun(1, "", "ERROR: no module named ../x is loaded\n"), FrrunRun.Of(mode, "../x"));
    }

    [Fact]
    public void DumpingADeadHostsSessionSaysSoAndShowsEverythingRetained()
    {
        using var session = _root.Session("rec").Write(0, "one\n", "two\n").Message("WARNING: low\n");

        var dump = FrrunRun.Of("-D", "rec");

        Assert.Equal(
            new FrrunRun(0, "one\ntwo\n", $"WARNING: module rec is not running (host pid {session.HostPid} exited); dumping recovered buffers\nWARNING: low\n"),
            dump);
        Assert.True(_root.Has("rec"));
    }

    [Fact]
    public void ADumpConsumesNothing()
    {
        using var session = _root.Session("rec", hostAlive: true).Write(0, "one\n");

        var first = FrrunRun.Of("-D", "rec");
        session.Write(0, "two\n");
        var second = FrrunRun.Of("-D", "rec");

        Assert.Equal(new FrrunRun(0, "one\n", ""), first);
        Assert.Equal(new FrrunRun(0, "one\ntwo\n", ""), second);
    }

    [Fact]
    public void ADumpMergesTheCpusByTime()
    {
        using var session = _root.Session("rec", cpus: 2, hostAlive: true);
        session.Write(1, "a\n").Write(0, "b\n").Write(1, "c\n");

        Assert.Equal(new FrrunRun(0, "a\nb\nc\n", ""), FrrunRun.Of("-D", "rec"));
    }

    [Fact]
    public void ADumpOfABulkSessionWritesItsCpuFiles()
    {
        using var session = _root.Session("rec", cpus: 2, bulk: true, hostAlive: true);
        session.Write(1, "a\n").Write(0, "b\n").Write(1, "c\n");

        Assert.Equal(new FrrunRun(0, "", ""), FrrunRun.Of("-D", "rec", "-o", _work.File("dump")));

        Assert.Equal(["dump_cpu0", "dump_cpu1"], _work.FileNames());
        Assert.Equal(["b\n", "a\nc\n"], _work.FileNames().Select(_work.Read));
    }

    [Fact]
    public void WarningsCanBeSuppressedFromADump()
    {
        using var session = _root.Session("rec", hostAlive: true).Message("WARNING: low\n").Message("ERROR: bad\n");

        Assert.Equal(new FrrunRun(0, "", "ERROR: bad\n"), FrrunRun.Of("-w", "-D", "rec"));
    }

    [Fact]
    public void AttachingToAModuleThatFinishedAloneDeliversItsOutputAndItsStatusAndRemovesIt()
    {
        using var session = _root.Session("rec").Write(0, "one\n", "two\n").Message("ERROR: bad\n").Exited(3);

        Assert.Equal(new FrrunRun(3, "one\ntwo\n", "ERROR: bad\n"), FrrunRun.Of("-A", "rec"));
        Assert.False(_root.Has("rec"));
        Assert.Equal(new FrrunRun(1, "", "ERROR: no module named rec is loaded\n"), FrrunRun.Of("-A", "rec"));
    }

    [Fact]
    public void AttachingToAFinishedBulkModuleWritesItsCpuFiles()
    {
        using var session = _root.Session("rec", cpus: 2, bulk: true).Write(0, "zero\n").Write(1, "one\n").Exited(0);

        Assert.Equal(new FrrunRun(0, "", ""), FrrunRun.Of("-A", "rec", "-o", _work.File("out")));

        Assert.Equal(["out_cpu0", "out_cpu1"], _work.FileNames());
        Assert.Equal(["zero\n", "one\n"], _work.FileNames().Select(_work.Read));
    }

    [Fact]
    public void AttachingToADeadHostPointsAtDumpAndDelete()
    {
        using var session = _root.Session("rec").Write(0, "one\n");

        Assert.Equal(
            new FrrunRun(1, "", $"ERROR: the host of module rec (pid {session.HostPid}) is gone; use \"frrun -D rec\" to dump its buffers and \"frrun -d rec\" to remove it\n"),
            FrrunRun.Of("-A", "rec"));
        Assert.True(_root.Has("rec"));
    }

    [Fact]
    public void AnOutputFileThatCannotBeOpenedLeavesTheFinishedSessionAlone()
    {
        using var session = _root.Session("rec").Write(0, "one\n").Exited(0);

        var run = FrrunRun.Of("-A", "rec", "-o", _work.File("missing/out"));

        Assert.Equal(new FrrunRun(1, "", $"ERROR: Couldn't open output file {_work.File("missing/out")}: No such file or directory\n"), run);
        Assert.True(_root.Has("rec"));
    }

    [Fact]
    public void DeletingADeadHostsSessionRemovesIt()
    {
        using var session = _root.Session("rec").Write(0, "one\n");

        Assert.Equal(new FrrunRun(0, "Module rec removed.\n", ""), FrrunRun.Of("-d", "rec"));
        Assert.False(_root.Has("rec"));
    }

    [Fact]
    public void DeletingStarRemovesEverySession()
    {
        using var a = _root.Session("a");
        using var b = _root.Session("b").Exited(0);

        Assert.Equal(new FrrunRun(0, "Module a removed.\nModule b removed.\n", ""), FrrunRun.Of("-d", "*"));
        Assert.False(_root.Has("a") || _root.Has("b"));
    }

    // Buffer use counts records with their 32-byte headers, 8-byte aligned: "x\n" occupies 40 bytes.
    [Fact]
    public void ListingShowsStatePolicyBufferUseAndConsumer()
    {
        using var running = _root.Session("live", cpus: 2, policy: RingPolicy.Overwrite, hostAlive: true).Write(0, "12345\n").Write(1, "abc\n");
        running.Header.ConsumerPid = Environment.ProcessId;
        using var finished = _root.Session("done").Write(0, "x\n").Exited(1);
        using var dead = _root.Session("crashed");

        var list = FrrunRun.Of("-l");

        Assert.Equal(
            new FrrunRun(
                0,
                $"crashed: dead (host pid {dead.HostPid}), discard, 0/65536 bytes buffered, no consumer\n"
                + "done: exited with status 1, discard, 40/65536 bytes buffered, no consumer\n"
                + $"live: running (host pid {running.HostPid}), overwrite, 80/131072 bytes buffered, consumer pid {Environment.ProcessId}\n",
                ""),
            list);
    }

    [Fact]
    public void ListingNothingPrintsNothing() => Assert.Equal(new FrrunRun(0, "", ""), FrrunRun.Of("--list"));

    [Fact]
    public void ASessionWithoutItsFileIsListedAsUnreadable()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "starting"));

        Assert.Equal(new FrrunRun(0, "starting: unreadable (no session file yet)\n", ""), FrrunRun.Of("-l"));
    }
}
