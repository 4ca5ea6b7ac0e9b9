using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Tests.Execution;

public sealed class GlobalLocksTests
{
    [Fact]
    public void PlanTakesEachGlobalOnceInIndexOrderExclusiveWhenWritten()
    {
        var plan = GlobalLocks.Plan(reads: [3, 1, 2], writes: [2, 0]);
        Assert.Equal([0, 1, 2, 3], plan.Globals);
        Assert.Equal([true, false, true, false], plan.Exclusive);
    }

    [Fact]
    public void ReadersShareAndWritersExclude()
    {
        using var locks = new GlobalLocks(1, ScriptLimits.Default);
        var read = GlobalLocks.Plan([0], []);
        var write = GlobalLocks.Plan([], [0]);
        Assert.True(locks.TryEnter(read));
        Assert.True(OnOtherThread(() => TakeAndRelease(locks, read)));
        Assert.False(OnOtherThread(() => TakeAndRelease(locks, write)));
        locks.Exit(read);
        Assert.True(OnOtherThread(() => TakeAndRelease(locks, write)));
    }

    // The locks belong to threads, as handlers run on dispatch threads.
    private static bool OnOtherThread(Func<bool> action)
    {
        bool result = false;
        var thread = new Thread(() => result = action());
        thread.Start();
        thread.Join();
        return result;
    }

    private static bool TakeAndRelease(GlobalLocks locks, LockPlan plan)
    {
        if (!locks.TryEnter(plan))
        {
            return false;
        }

        locks.Exit(plan);
        return true;
    }

    [Fact]
    public void AHandlerThatCannotLockIsSkippedAndTooManySkipsEndTheSession()
    {
        var m = new TestModule(new ModuleOptions("t") { Limits = ScriptLimits.Default with { MaxSkipped = 2 } });
        int g = m.AddGlobal(new GlobalDescriptor("count", GlobalKind.Long));
        var ran = 0;
        var hit = m.Add(ProbeKind.Event, "timer.ms(1)", _ => ran++, writes: [g]);
        var holder = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        m.Add(ProbeKind.Event, "timer.ms(2)", _ =>
        {
            holder.Set();
            release.Wait();
        }, writes: [g]);
        m.Add(ProbeKind.Error, "error", c => c.Output.Append("error probe\n"));

        var sink = new CollectingSink();
        var stderr = new StringWriter();
        using var session = new ScriptSession(m, sink, stderr);
        var main = session.CreateContext(0);
        session.Start(main);
        var blocker = new Thread(() => session.Fire(m.Probes[1], session.CreateContext(1)));
        blocker.Start();
        holder.Wait();
        for (int i = 0; i < 3; i++)
        {
            Assert.False(session.Fire(hit, main));
        }

        release.Set();
        blocker.Join();
        session.Stop(main);

        Assert.Equal(0, ran);
        Assert.Equal(3, session.SkippedCount);
        Assert.Equal("error probe\n", sink.Text);
        Assert.Equal(
            "ERROR: Skipped too many probes, check MAXSKIPPED or try again with frstap -t for more details.\n" +
            "WARNING: Number of errors: 0, skipped probes: 3\n", stderr.ToString());
    }
}
