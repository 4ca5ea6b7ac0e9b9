using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>run/base.exit_1.stp: exit() inside a function does not end the function or the handler.</summary>
internal sealed class BaseExit1Module : ConformanceModule
{
    private const string FDeclaration = "identifier 'f' at base.exit_1.stp:1:10";
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);
    private static readonly CompiledFormat Exit = Format("exit\n");

    public BaseExit1Module()
        : base("base.exit_1")
    {
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private void F(HandlerContext ctx)
    {
        ctx.EnterFunction("identifier 'f' at base.exit_1.stp:8:5", FDeclaration);
        ScriptPrinter.Printf(ctx.Output, Println1S, ["enter f"]);
        TapsetControl.Exit(Tapset);
        ScriptPrinter.Printf(ctx.Output, Println1S, ["leave f"]);
        ctx.LeaveFunction();
    }

    private void Begin0(HandlerContext ctx)
    {
        F(ctx);
        ScriptPrinter.Printf(ctx.Output, Exit, []);
        TapsetControl.Exit(Tapset);
    }
}
