using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/bpf.increment1.adapted.stp: pre/post increments in short-circuit conditions in begin, in
/// a timer.ms(10) event probe (fired once by the driver; it calls exit()) and in end. The timer
/// probe writes the global res, so its descriptor names res among its locks.
/// </summary>
internal sealed class BpfIncrement1AdaptedModule : ConformanceModule
{
    private const int Res = 0;
    private static readonly CompiledFormat BeginLine = Format("BEGIN\n");
    private static readonly CompiledFormat EndPass = Format("END PASS\n");
    private static readonly CompiledFormat EndFail = Format("END FAIL\n");

    private long _res;

    public BpfIncrement1AdaptedModule()
        : base("bpf.increment1.adapted")
    {
        Globals = [new GlobalDescriptor("res", GlobalKind.Long, v => _res = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            new ProbeDescriptor("timer.ms(10)", "timer.ms(10)", ProbeKind.Event, 0, Timer0, [], [Res]),
            Probe(ProbeKind.End, "end", End0),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override int EventHits => 1;

    public override void InitializeGlobals() => _res = 0;

    private void Begin0(HandlerContext ctx)
    {
        ScriptPrinter.Printf(ctx.Output, BeginLine, []);
        long x = 0;
        long y = 2;
        if (x++ == 0 && y++ == 2 && ++x == 2 && ++y == 4)
        {
            _res = 1;
        }
    }

    private void Timer0(HandlerContext ctx)
    {
        long x = 0;
        long y = 2;
        if (!(x++ == 0 && y++ == 2 && ++x == 2 && ++y == 4))
        {
            _res = 0;
        }

        TapsetControl.Exit(Tapset);
    }

    private void End0(HandlerContext ctx)
    {
        long x = 0;
        long y = 2;
        if (_res != 0 && x++ == 0 && y++ == 2 && ++x == 2 && ++y == 4)
        {
            ScriptPrinter.Printf(ctx.Output, EndPass, []);
        }
        else
        {
            ScriptPrinter.Printf(ctx.Output, EndFail, []);
        }
    }
}
