using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>run/printf.basic3.stp: printf and print of literals, then exit().</summary>
internal sealed class PrintfBasic3Module : ConformanceModule
{
    private static readonly CompiledFormat F0 = Format("Hello\n");
    private static readonly CompiledFormat Print1S = PrintFormats.Print([FormatArgumentType.String], newline: false);

    public PrintfBasic3Module()
        : base("printf.basic3")
    {
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals => [];

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
    }

    private void Begin0(HandlerContext ctx)
    {
        ScriptPrinter.Printf(ctx.Output, F0, []);
        ScriptPrinter.Printf(ctx.Output, Print1S, ["World\n"]);
        TapsetControl.Exit(Tapset);
    }
}
