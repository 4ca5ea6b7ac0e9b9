using FlightRec.Runtime.Providers.Tracepoints;
using Xunit.Abstractions;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

[Collection(TracefsEnvironmentCollection.Name)]
public sealed class RealTracefsTests(ITestOutputHelper log)
{
    [Fact]
    public void SchedSwitchIsListedAndHasCommsAndPidsAsTheKernelLaysThemOut()
    {
        if (RealTracefs.Open(log) is not { } catalogue)
        {
            return;
        }

        Assert.Contains("sched:sched_switch", catalogue.Events);
        var format = catalogue.Format("sched:sched_switch");
        Assert.True(format.Id > 0, $"ID {format.Id}");
        Assert.Equal(["common_type", "common_flags", "common_preempt_count", "common_pid"], format.CommonFields.Select(f => f.Name).Take(4));

        var prevComm = format.Field("prev_comm")!;
        Assert.Equal(("char[16]", 16, 16, true, false), (prevComm.CType, prevComm.Size, prevComm.ArrayLength, prevComm.IsString, prevComm.IsInteger));
        var prevPid = format.Field("prev_pid")!;
        Assert.Equal((4, true, true, false), (prevPid.Size, prevPid.IsSigned, prevPid.IsInteger, prevPid.IsString));
        var nextComm = format.Field("next_comm")!;
        Assert.True(nextComm.IsString);
        Assert.Equal(nextComm.Offset, format.Fields.Single(f => f.Name == "next_comm").Offset);
        Assert.Contains("next_pid", format.Fields.Select(f => f.Name));
    }

    [Fact]
    public void SchedGlobFindsTheSchedulerEvents()
    {
        if (RealTracefs.Open(log) is not { } catalogue)
        {
            return;
        }

        var matches = catalogue.Match("sched:sched_*");

        // Warm (second) look, as the compiler pays it: list once, glob once.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var again = TracefsCatalogue.Open();
        int count = again.Match("sched:sched_*").Count;
        log.WriteLine($"warm: listed {again.Events.Count} events and matched {count} in {clock.Elapsed.TotalMilliseconds:F1} ms");

        Assert.Contains("sched:sched_switch", matches);
        Assert.All(matches, m => Assert.StartsWith("sched:sched_", m, StringComparison.Ordinal));
        Assert.Contains("sched:sched_switch", catalogue.Match("sched_switch"));
    }

    [Fact]
    public void OpenatEntryHasTheFilenamePointerWhenSyscallEventsExist()
    {
        if (RealTracefs.Open(log) is not { } catalogue)
        {
            return;
        }

        if (!catalogue.Contains("syscalls:sys_enter_openat"))
        {
            log.WriteLine("this kernel has no syscalls:sys_enter_openat (CONFIG_FTRACE_SYSCALLS off)");
            return;
        }

        var filename = catalogue.Format("syscalls:sys_enter_openat").Field("filename")!;
        Assert.Equal(("const char *", 8, true), (filename.CType, filename.Size, filename.IsInteger));
    }

    [Fact]
    public void EveryFormatOfThisKernelParses()
    {
        if (RealTracefs.Open(log) is not { } catalogue)
        {
            return;
        }

        int parsed = 0, unknownShapes = 0;
        foreach (string name in catalogue.Events)
        {
            try
            {
                var format = catalogue.Format(name);
                Assert.All(format.Fields, f => Assert.False(string.IsNullOrEmpty(f.Name), $"{name}: a field without a name"));
                unknownShapes += format.Fields.Count(f => f.Name == f.CType);
                parsed++;
            }
            catch (TracefsException e) when (e.Message.StartsWith("no tracepoint ", StringComparison.Ordinal))
            {
                // Listed but without a directory (events that come and go with modules): not a parse failure.
            }
        }

        log.WriteLine($"{parsed} of {catalogue.Events.Count} formats parsed; {unknownShapes} fields kept whole (not TYPE NAME)");
        Assert.True(parsed > catalogue.Events.Count / 2, $"{parsed} of {catalogue.Events.Count}");
    }
}
