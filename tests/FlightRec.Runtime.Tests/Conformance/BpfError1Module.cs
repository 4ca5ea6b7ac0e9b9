using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/bpf.error_1.stp: an uncaught error() in begin (MAXERRORS 0) puts the session into the
/// error state, so the error probe runs and the end probe does not; exit() is never reached.
/// </summary>
internal sealed class BpfError1Module : ConformanceModule
{
    private static readonly CompiledFormat EndPass = Format("END PASS\n");
    private static readonly CompiledFormat EndFail = Format("END FAIL\n");
    private static readonly CompiledFormat BeginLine = Format("BEGIN\n");

    public BpfError1Module()
        : base("bpf.error_1")
    {
        Probes =
        [
            Probe(ProbeKind.Error, "error", Error0),
            Probe(ProbeKind.End, "end", End0),
            Probe(ProbeKind.Begin, "begin", Begin0),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private static void Error0(HandlerContext ctx) => ScriptPrinter.Printf(ctx.Output, EndPass, []);

    private static void End0(HandlerContext ctx) => ScriptPrinter.Printf(ctx.Output, EndFail, []);

    private void Begin0(HandlerContext ctx)
    {
        ScriptPrinter.Printf(ctx.Output, BeginLine, []);
        TapsetControl.Error("CONTINUE");
        TapsetControl.Exit(Tapset);
    }
}
