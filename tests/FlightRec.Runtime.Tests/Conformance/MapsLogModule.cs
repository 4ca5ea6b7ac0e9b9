using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;
using FlightRec.Runtime.Tapset;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.log.stp: every positive and negative power of two plus 20 zeros in a @hist_log
/// aggregate; prints the full 2 × 64-row log histogram with the extreme labels.
/// </summary>
internal sealed class MapsLogModule : ConformanceModule
{
    private static readonly StatsDescriptor FooStats = new(HistogramShape.Log);

    private StatsValue _foo = null!;

    public MapsLogModule()
        : base("maps.log")
    {
        Globals = [new GlobalDescriptor("foo", GlobalKind.Statistics)];
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _foo = NewStats(FooStats);

    private void Begin0(HandlerContext ctx)
    {
        long val = 1;
        for (long i = 0; i < 63; i++)
        {
            ctx.Charge(3, "keyword at maps.log.stp:8:2");
            _foo.Add(ctx.Cpu, val);
            val = ScriptMath.ShiftLeft(val, 1);
        }

        val = 1;
        for (long i = 0; i < 64; i++)
        {
            ctx.Charge(3, "keyword at maps.log.stp:15:2");
            _foo.Add(ctx.Cpu, -val);
            val = ScriptMath.ShiftLeft(val, 1);
        }

        for (long i = 0; i < 20; i++)
        {
            ctx.Charge(2, "keyword at maps.log.stp:21:2");
            _foo.Add(ctx.Cpu, 0);
        }

        _foo.ReadHistogram().Print(ctx.Output, Limits, "operator '@hist_log' at maps.log.stp:24:8");
        TapsetControl.Exit(Tapset);
    }
}
