using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.overcatcher.stp (PR11664): `return` in a function and `next` in a probe leave their
/// try blocks without entering the catch; they lower to plain C# returns, which a
/// <c>catch (ScriptError)</c> cannot intercept.
/// </summary>
internal sealed class BaseOvercatcherModule : ConformanceModule
{
    private const string FDeclaration = "identifier 'f' at base.overcatcher.stp:15:10";
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);

    public BaseOvercatcherModule()
        : base("base.overcatcher")
    {
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            Probe(ProbeKind.Begin, "begin(1)", Begin1, order: 1),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private static long F(HandlerContext ctx)
    {
        ctx.EnterFunction("identifier 'f' at base.overcatcher.stp:5:5", FDeclaration);
        int depth = ctx.Depth;
        try
        {
            Println(ctx, "return");
            ctx.LeaveFunction();
            return 0;
        }
        catch (ScriptError e) when (e.Catchable)
        {
            ctx.RestoreDepth(depth);
            Println(ctx, "return-catch");
        }

        Println(ctx, "return-fallthrough");
        ctx.LeaveFunction();
        return 0;
    }

    private static void Begin0(HandlerContext ctx)
    {
        F(ctx);
        int depth = ctx.Depth;
        try
        {
            Println(ctx, "next");
            return; // next
        }
        catch (ScriptError e) when (e.Catchable)
        {
            ctx.RestoreDepth(depth);
            Println(ctx, "next-catch");
        }

        Println(ctx, "next-fallthrough");
    }

    private void Begin1(HandlerContext ctx) => TapsetControl.Exit(Tapset);

    private static void Println(HandlerContext ctx, string s) => ScriptPrinter.Printf(ctx.Output, Println1S, [s]);
}
