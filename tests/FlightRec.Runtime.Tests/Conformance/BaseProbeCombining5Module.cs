using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.probe_combining_5.stp: stap 5.x combines the five <c>probe begin</c> handlers into
/// one (elaborate.cxx, "Combine multiple probe handlers that share the same probe point"): each
/// body runs in its own try/catch, so `next` and error() end only that body; the first body
/// error is remembered and re-raised, without a location, after the last body.
/// </summary>
internal sealed class BaseProbeCombining5Module : ConformanceModule
{
    private static readonly CompiledFormat Body1 = Format("1: x=%d y=%s\n");
    private static readonly CompiledFormat Body2 = Format("2: x=%s y=%d\n");
    private static readonly CompiledFormat Body2AfterNext = Format("2: after next (should not print)\n");
    private static readonly CompiledFormat Body3 = Format("3: x=%d y=%s\n");
    private static readonly CompiledFormat Body4 = Format("4: x=%s y=%d\n");
    private static readonly CompiledFormat Body4AfterError = Format("4: after error (should not print)\n");
    private static readonly CompiledFormat Body5 = Format("5: x=%d y=%s\n");

    public BaseProbeCombining5Module()
        : base("base.probe_combining_5")
    {
        Probes = [Probe(ProbeKind.Begin, "begin", CombinedBegin)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private void CombinedBegin(HandlerContext ctx)
    {
        string combinedError = "";
        ProbeHandler[] bodies = [Begin0, Begin1, Begin2, Begin3, Begin4];
        foreach (var body in bodies)
        {
            int depth = ctx.Depth;
            try
            {
                body(ctx);
            }
            catch (ScriptError e) when (e.Catchable)
            {
                ctx.RestoreDepth(depth);
                combinedError = e.Message;
            }
        }

        if (combinedError.Length > 0)
        {
            throw new ScriptError(combinedError);
        }
    }

    private static void Begin0(HandlerContext ctx)
    {
        long x = 1;
        string y = "a";
        ScriptPrinter.Printf(ctx.Output, Body1, [x, y]);
    }

    private static void Begin1(HandlerContext ctx)
    {
        string x = "b";
        long y = 2;
        ScriptPrinter.Printf(ctx.Output, Body2, [x, y]);
        if (y != 0)
        {
            return; // next: ends this body only (the guard keeps the script's dead printf compilable)
        }

        ScriptPrinter.Printf(ctx.Output, Body2AfterNext, []);
    }

    private static void Begin2(HandlerContext ctx)
    {
        long x = 3;
        string y = "c";
        ScriptPrinter.Printf(ctx.Output, Body3, [x, y]);
    }

    private static void Begin3(HandlerContext ctx)
    {
        string x = "d";
        long y = 4;
        ScriptPrinter.Printf(ctx.Output, Body4, [x, y]);
        TapsetControl.Error("intentional error");
        ScriptPrinter.Printf(ctx.Output, Body4AfterError, []);
    }

    private void Begin4(HandlerContext ctx)
    {
        long x = 5;
        string y = "e";
        ScriptPrinter.Printf(ctx.Output, Body5, [x, y]);
        TapsetControl.Exit(Tapset);
    }
}
