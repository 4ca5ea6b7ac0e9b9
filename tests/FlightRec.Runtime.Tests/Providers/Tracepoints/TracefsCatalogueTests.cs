using System.Diagnostics;
using FlightRec.Runtime.Providers.Tracepoints;

namespace FlightRec.Runtime.Tests.Providers.Tracepoints;

public sealed class TracefsCatalogueTests : IDisposable
{
    private readonly FakeTracefs _tracefs = new FakeTracefs().WithAvailableEvents(
        "sched:sched_switch",
        "sched:sched_wakeup",
        "sched:sched_process_exec",
        "other:sched_switch",
        "syscalls:sys_enter_openat",
        "syscalls:sys_exit_openat",
        "",
        "sched:sched_wakeup",
        "skb:kfree_skb",
        "sched2:x1");

    public void Dispose() => _tracefs.Dispose();

    [Fact]
    public void OnlyAQuestionAboutEventsCountsAsConsultingTracefs()
    {
        var untouched = _tracefs.Open();
        var listed = _tracefs.Open();
        _ = listed.Match("sched:*");

        Assert.False(untouched.Consulted);
        Assert.True(listed.Consulted);
    }

    [Fact]
    public void EventsAreInFileOrderWithoutRepeatsOrBlankLines()
    {
        var catalogue = _tracefs.Open();

        Assert.True(catalogue.IsAvailable);
        Assert.Equal(_tracefs.Root, catalogue.Root);
        Assert.Null(catalogue.UnavailableReason);
        Assert.Equal(
            [
                "sched:sched_switch", "sched:sched_wakeup", "sched:sched_process_exec", "other:sched_switch",
                "syscalls:sys_enter_openat", "syscalls:sys_exit_openat", "skb:kfree_skb", "sched2:x1",
            ],
            catalogue.Events);
        Assert.True(catalogue.Contains("skb:kfree_skb"));
        Assert.False(catalogue.Contains("kfree_skb"));
    }

    [Fact]
    public void WithoutAvailableEventsTheEventDirectoriesAreListedSorted()
    {
        using var tracefs = new FakeTracefs().WithEvent("sched:sched_switch").WithEvent("irq:irq_handler_entry").WithEvent("sched:sched_wakeup");
        File.WriteAllText(Path.Combine(tracefs.Root, "events", "enable"), "0\n");
        File.WriteAllText(Path.Combine(tracefs.Root, "events", "sched", "enable"), "0\n");

        Assert.Equal(["irq:irq_handler_entry", "sched:sched_switch", "sched:sched_wakeup"], tracefs.Open().Events);
    }

    [Theory]
    [InlineData("sched:sched_*", "sched:sched_switch sched:sched_wakeup sched:sched_process_exec")]
    [InlineData("sched:sched_switch", "sched:sched_switch")]
    [InlineData("sched:nosuch", "")]
    [InlineData("sched_switch", "sched:sched_switch other:sched_switch")]
    [InlineData("*:sched_switch", "sched:sched_switch other:sched_switch")]
    [InlineData("sch?d:*", "sched:sched_switch sched:sched_wakeup sched:sched_process_exec")]
    [InlineData("sched*:*", "sched:sched_switch sched:sched_wakeup sched:sched_process_exec sched2:x1")]
    [InlineData("sys_e[!n]*", "syscalls:sys_exit_openat")]
    [InlineData("*openat", "syscalls:sys_enter_openat syscalls:sys_exit_openat")]
    [InlineData("sched*", "sched:sched_switch sched:sched_wakeup sched:sched_process_exec other:sched_switch")]
    [InlineData("*", "sched:sched_switch sched:sched_wakeup sched:sched_process_exec other:sched_switch syscalls:sys_enter_openat syscalls:sys_exit_openat skb:kfree_skb sched2:x1")]
    [InlineData("*:x[0-9]", "sched2:x1")]
    [InlineData("x[[:digit:]]", "")] // stap splits at the first ':', even one inside [[:class:]]
    [InlineData("sched:", "")]
    [InlineData("", "")]
    [InlineData(":", "")]
    public void MatchGlobsSubsystemAndEventSeparatelyAsStapDoes(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), _tracefs.Open().Match(pattern));
    }

    [Fact]
    public void TwoThousandEventsListAndMatchInAFewMilliseconds()
    {
        using var tracefs = new FakeTracefs().WithAvailableEvents(
            [.. Enumerable.Range(0, 2_000).Select(i => $"subsystem{i % 100}:event_number_{i}")]);
        var clock = Stopwatch.StartNew();
        var catalogue = tracefs.Open();

        Assert.Equal(2_000, catalogue.Events.Count);
        Assert.Equal(20, catalogue.Match("subsystem7:*").Count);
        Assert.Single(catalogue.Match("event_number_1999"));
        clock.Stop();
        // Typically 1-3 ms; the bound only catches a quadratic slip on a busy machine.
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }
}
