using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.abort_1.stp: abort() inside a function ends the handler at once, and the session
/// stops without running anything else. <c>probe oneshot</c> is the tapset alias
/// <c>begin { exit() }</c>: a begin probe whose prologue calls exit().
/// </summary>
internal sealed class BaseAbort1Module : ConformanceModule
{
    private const string FDeclaration = "identifier 'f' at base.abort_1.stp:1:10";
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);
    private static readonly CompiledFormat AbortLine = Format("abort\n");

    public BaseAbort1Module()
        : base("base.abort_1")
    {
        Probes = [new ProbeDescriptor("begin", "oneshot", ProbeKind.Begin, 0, Oneshot0, [], [])];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private void F(HandlerContext ctx)
    {
        ctx.EnterFunction("identifier 'f' at base.abort_1.stp:8:5", FDeclaration);
        ScriptPrinter.Printf(ctx.Output, Println1S, ["enter f"]);
        TapsetControl.Abort(Tapset);
        ScriptPrinter.Printf(ctx.Output, Println1S, ["leave f"]);
        ctx.LeaveFunction();
    }

    private void Oneshot0(HandlerContext ctx)
    {
        TapsetControl.Exit(Tapset); // the oneshot alias prologue
        F(ctx);
        ScriptPrinter.Printf(ctx.Output, AbortLine, []);
        TapsetControl.Abort(Tapset);
    }
}
