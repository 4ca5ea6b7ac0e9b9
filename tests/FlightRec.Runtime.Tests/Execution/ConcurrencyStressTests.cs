using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Execution;

/// <summary>
/// Four dispatch threads hammer shared globals through the session's locking discipline:
/// map increments and deletes under exclusive locks, foreach under shared locks, and
/// <c>&lt;&lt;&lt;</c> under a shared lock into per-CPU aggregates. Every count must come
/// out exact — no lost update, no torn value, no deadlock.
/// </summary>
public sealed class ConcurrencyStressTests
{
    private const int Threads = 4;
    private const int HitsPerThread = 200_000;

    [Fact]
    public void MixedUpdatesForeachDeleteAndAggregationStayExact()
    {
        var counts = ScriptMap<Key1<long>, long>.Declared(64);
        var scratch = ScriptMap<Key2<long, string>, long>.Declared(Threads * 8);
        var samples = new StatsValue(StatsDescriptor.Plain, Threads);
        long tornReads = 0;
        long keySeed = 0;

        // Locks are generous: this test is about exactness, not about skipping under load.
        var limits = ScriptLimits.Default with { MaxTryLock = 1_000_000, TryLockDelay = 10 };
        var module = new TestModule(new ModuleOptions("stress") { Limits = limits });
        int gCounts = module.AddGlobal(new GlobalDescriptor("counts", GlobalKind.Array));
        int gScratch = module.AddGlobal(new GlobalDescriptor("scratch", GlobalKind.Array));
        int gSamples = module.AddGlobal(new GlobalDescriptor("samples", GlobalKind.Statistics));

        var increment = module.Add(ProbeKind.Event, "increment", c =>
        {
            // Every thread updates the same few keys, so unlocked updates would collide.
            ref long slot = ref counts.GetOrAdd(new Key1<long>(Interlocked.Increment(ref keySeed) % 8), "identifier 'counts'");
            slot++;
        }, writes: [gCounts]);
        var aggregate = module.Add(ProbeKind.Event, "aggregate", c => samples.Add(c.Cpu, c.Cpu + 1), reads: [gSamples]);
        var scan = module.Add(ProbeKind.Event, "scan", _ =>
        {
            // A reader must never see a half-made map: every value it sees is a whole count.
            long total = 0;
            foreach (var entry in counts)
            {
                if (entry.Value <= 0)
                {
                    Interlocked.Increment(ref tornReads);
                }

                total += entry.Value;
            }

            if (total < 0)
            {
                Interlocked.Increment(ref tornReads);
            }
        }, reads: [gCounts]);
        var churn = module.Add(ProbeKind.Event, "churn", c =>
        {
            var key = new Key2<long, string>(c.Cpu, "k" + (c.Cpu % 3));
            scratch.Set(key, 1, "identifier 'scratch'");
            scratch.Remove(key);
        }, writes: [gScratch]);

        var sink = new CollectingSink();
        using var session = new ScriptSession(module, sink, TextWriter.Null);
        session.Start(session.CreateContext(0));

        var fired = new long[Threads, 4];
        using var start = new Barrier(Threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var workers = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int cpu = t;
            workers[t] = new Thread(() =>
            {
                try
                {
                    Work(cpu);
                }
                catch (Exception e)
                {
                    // A corrupted map throws; report it as a failure instead of crashing the test host.
                    failures.Enqueue(e);
                }
            });
            workers[t].Start();
        }

        void Work(int cpu)
        {
            var context = session.CreateContext(cpu);
            var probes = new[] { increment, aggregate, scan, churn };
            start.SignalAndWait();
            for (int i = 0; i < HitsPerThread; i++)
            {
                int which = (i + cpu) % 4;
                if (session.Fire(probes[which], context))
                {
                    fired[cpu, which]++;
                }
            }
        }

        foreach (var worker in workers)
        {
            Assert.True(worker.Join(TimeSpan.FromMinutes(2)), "a dispatch thread did not finish: deadlock?");
        }

        session.Stop(session.CreateContext(0));
        Assert.Empty(failures);

        long increments = 0;
        long aggregated = 0;
        long aggregatedSum = 0;
        for (int t = 0; t < Threads; t++)
        {
            increments += fired[t, 0];
            aggregated += fired[t, 1];
            aggregatedSum += fired[t, 1] * (t + 1);
        }

        long counted = 0;
        foreach (var entry in counts)
        {
            counted += entry.Value;
        }

        Assert.Equal(0, session.SkippedCount);
        Assert.Equal(Threads * HitsPerThread / 4, increments);
        Assert.Equal(increments, counted);
        var snapshot = samples.Read();
        Assert.Equal(aggregated, snapshot.Count);
        Assert.Equal(aggregatedSum, snapshot.Sum);
        Assert.Equal(0, scratch.Count);
        Assert.Equal(0, Interlocked.Read(ref tornReads));
    }
}
