using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.try_assign.stp: @try_assign(msg, func(1), func(0)) — the first call raises error(),
/// which the macro's try/catch swallows, so the fallback is assigned. stap_run bracketing lines
/// are the script's own println calls.
/// </summary>
internal sealed class BaseTryAssignModule : ConformanceModule
{
    private const string FuncDeclaration = "identifier 'func' at base.try_assign.stp:3:10";
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);

    public BaseTryAssignModule()
        : base("base.try_assign")
    {
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            Probe(ProbeKind.End, "end", End0),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private static string Func(HandlerContext ctx, long a, string callSite)
    {
        ctx.EnterFunction(callSite, FuncDeclaration);
        if (a == 1)
        {
            TapsetControl.Error("This message should not appear");
        }
        else
        {
            ctx.LeaveFunction();
            return "systemtap test success";
        }

        ctx.LeaveFunction();
        return "";
    }

    private void Begin0(HandlerContext ctx)
    {
        ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap starting probe"]);
        TapsetControl.Exit(Tapset);
    }

    private static void End0(HandlerContext ctx)
    {
        ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap ending probe"]);
        string msg;
        int depth = ctx.Depth;
        try
        {
            msg = Func(ctx, 1, "identifier 'func' at base.try_assign.stp:16:22");
        }
        catch (ScriptError e) when (e.Catchable)
        {
            ctx.RestoreDepth(depth);
            msg = Func(ctx, 0, "identifier 'func' at base.try_assign.stp:16:31");
        }

        ScriptPrinter.Printf(ctx.Output, Println1S, [msg]);
    }
}
