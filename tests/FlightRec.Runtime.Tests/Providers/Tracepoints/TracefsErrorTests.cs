using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

public sealed class TracefsErrorTests : IDisposable
{
    private readonly FakeTracefs _tracefs = new FakeTracefs().WithAvailableEvents("sched:sched_switch");

    public void Dispose() => _tracefs.Dispose();

    [Fact]
    public void AFieldLineWithoutOffsetNamesFileLineAndText()
    {
        _tracefs.WithEvent("bad:field", "name: field\nID: 3\nformat:\n\tfield:int broken;\tsize:4;\tsigned:1;\n");

        var error = Assert.Throws<TracefsException>(() => _tracefs.Open().Format("bad:field"));

        Assert.Equal(
            $"malformed tracepoint format {_tracefs.FormatPath("bad", "field")} line 4: " +
            "expected \"field:TYPE NAME; offset:N; size:N; signed:N;\", found \"field:int broken; size:4; signed:1;\"",
            error.Message);
    }

    [Fact]
    public void ANonNumericSizeIsMalformed()
    {
        _tracefs.WithEvent("bad:size", "name: size\nID: 3\nformat:\n\tfield:int x;\toffset:8;\tsize:four;\tsigned:1;\n");

        var error = Assert.Throws<TracefsException>(() => _tracefs.Open().Format("bad:size"));

        Assert.Equal(
            $"malformed tracepoint format {_tracefs.FormatPath("bad", "size")} line 4: " +
            "expected \"field:TYPE NAME; offset:N; size:N; signed:N;\", found \"field:int x; offset:8; size:four; signed:1;\"",
            error.Message);
    }

    [Fact]
    public void AnIdThatIsNotANumberIsMalformed()
    {
        _tracefs.WithEvent("bad:id", "name: id\nID: twelve\nformat:\n");

        var error = Assert.Throws<TracefsException>(() => _tracefs.Open().Format("bad:id"));

        Assert.Equal($"malformed tracepoint format {_tracefs.FormatPath("bad", "id")} line 2: expected \"ID: N\", found \"ID: twelve\"", error.Message);
    }

    [Fact]
    public void AFileWithoutIdOrFormatLineIsMalformed()
    {
        _tracefs.WithEvent("bad:noid", "this is not a format file\n").WithEvent("bad:noformat", "name: noformat\nID: 4\n");
        var catalogue = _tracefs.Open();

        Assert.Equal(
            $"malformed tracepoint format {_tracefs.FormatPath("bad", "noid")}: no \"ID:\" line",
            Assert.Throws<TracefsException>(() => catalogue.Format("bad:noid")).Message);
        Assert.Equal(
            $"malformed tracepoint format {_tracefs.FormatPath("bad", "noformat")}: no \"format:\" line",
            Assert.Throws<TracefsException>(() => catalogue.Format("bad:noformat")).Message);
    }

    [Fact]
    public void AMissingFormatFileOrEventSaysWhichPathIsMissing()
    {
        _tracefs.WithEvent("gone:noformat");
        var catalogue = _tracefs.Open();

        Assert.Equal(
            $"no tracepoint gone:noformat: {_tracefs.FormatPath("gone", "noformat")} does not exist",
            Assert.Throws<TracefsException>(() => catalogue.Format("gone:noformat")).Message);
        Assert.Equal(
            $"no tracepoint sched:nosuch: {_tracefs.FormatPath("sched", "nosuch")} does not exist",
            Assert.Throws<TracefsException>(() => catalogue.Format("sched:nosuch")).Message);
    }

    [Theory]
    [InlineData("sched_switch")]
    [InlineData(":sched_switch")]
    [InlineData("sched:")]
    [InlineData("..:format")]
    [InlineData("sched:../../etc")]
    public void ANameThatIsNotSubsystemColonEventIsRefusedBeforeTouchingFiles(string name)
    {
        var error = Assert.Throws<TracefsException>(() => _tracefs.Open().Format(name));

        Assert.Equal($"invalid tracepoint name \"{name}\": expected SUBSYSTEM:EVENT", error.Message);
    }

    [Fact]
    public void AMissingRootIsUnavailableWithThePath()
    {
        string root = Path.Combine(_tracefs.Root, "absent");
        var catalogue = TracefsCatalogue.Open(root);

        Assert.False(catalogue.IsAvailable);
        Assert.Null(catalogue.Root);
        Assert.Empty(catalogue.Events);
        Assert.Empty(catalogue.Match("*"));
        Assert.Equal($"no tracefs at {root}: no such directory", catalogue.UnavailableReason);
        Assert.Equal(catalogue.UnavailableReason, Assert.Throws<TracefsException>(() => catalogue.Format("sched:sched_switch")).Message);
    }

    [Fact]
    public void TheRootIsNormalisedToAnAbsolutePath()
    {
        // (Relative roots resolve against the working directory the same way; changing it here would race other tests.)
        var catalogue = TracefsCatalogue.Open(Path.Combine(_tracefs.Root, "sub", "..", "."));

        Assert.Equal(_tracefs.Root, catalogue.Root);
        Assert.Equal(["sched:sched_switch"], catalogue.Events);
    }

    [Theory]
    [InlineData("", "no tracefs at \"\": not a usable path")]
    [InlineData("a\0b", "no tracefs at \"a\\0b\": not a usable path")]
    public void AnEmptyOrNulPathIsNotUsable(string root, string expected)
    {
        Assert.Equal(expected, TracefsCatalogue.Open(root).UnavailableReason);
    }

    [Fact]
    public void AnEmptyDirectoryIsNotTracefs()
    {
        string root = Directory.CreateDirectory(Path.Combine(_tracefs.Root, "empty")).FullName;

        Assert.Equal(
            $"no tracefs at {root}: it has neither available_events nor an events directory",
            TracefsCatalogue.Open(root).UnavailableReason);
    }

    [Fact]
    public void AnUnreadableEventListMakesTracefsUnavailable()
    {
        // Tests run as root, which reads any file whatever its mode; a directory in place of
        // available_events is an unreadable list root cannot get past either.
        using var tracefs = new FakeTracefs();
        Directory.CreateDirectory(Path.Combine(tracefs.Root, "available_events"));
        var catalogue = tracefs.Open();

        Assert.False(catalogue.IsAvailable);
        Assert.Empty(catalogue.Events);
        Assert.Equal($"cannot read {tracefs.Root}/available_events: it is a directory", catalogue.UnavailableReason);
        Assert.Equal(catalogue.UnavailableReason, Assert.Throws<TracefsException>(() => catalogue.Format("sched:sched_switch")).Message);
    }

    [Fact]
    public void PermissionDeniedSaysWhatTracepointsNeed()
    {
        Assert.Equal(
            "cannot read /sys/kernel/tracing/available_events: permission denied (tracepoints need root or read access to tracefs)",
            TracefsReadError.CannotRead("/sys/kernel/tracing/available_events", new UnauthorizedAccessException()));
    }

    [Fact]
    public void PermissionDeniedOnARealFileWhenNotRoot()
    {
        if (Environment.UserName == "root")
        {
            return; // root bypasses file modes; the wording is checked by PermissionDeniedSaysWhatTracepointsNeed
        }

        using var tracefs = new FakeTracefs().WithAvailableEvents("sched:sched_switch");
        string list = Path.Combine(tracefs.Root, "available_events");
        File.SetUnixFileMode(list, UnixFileMode.None);

        Assert.Equal(
            $"cannot read {list}: permission denied (tracepoints need root or read access to tracefs)",
            tracefs.Open().UnavailableReason);
    }

    [Fact]
    public void TheNotMountedSentenceSaysWhereWeLookedAndHowToMount()
    {
        Assert.Equal(
            "tracefs is not mounted (looked in /sys/kernel/tracing and /sys/kernel/debug/tracing); mount it with: mount -t tracefs nodev /sys/kernel/tracing",
            TracefsLocator.NotMounted);
    }
}
