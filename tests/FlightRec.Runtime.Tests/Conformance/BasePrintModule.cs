using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.print.stp (needs-interrupt: the driver's Stop plays Ctrl-C): print, println, printd,
/// printdln and their sprint forms, and a delimiter full of format characters that must come
/// out literally.
/// </summary>
internal sealed class BasePrintModule : ConformanceModule
{
    private const FormatArgumentType S = FormatArgumentType.String;
    private const FormatArgumentType L = FormatArgumentType.Long;
    private static readonly CompiledFormat Println1S = PrintFormats.Print([S], newline: true);
    private static readonly CompiledFormat Print1S = PrintFormats.Print([S], newline: false);
    private static readonly CompiledFormat Print6S = PrintFormats.Print([S, S, S, S, S, S], newline: false);
    private static readonly CompiledFormat Println5S = PrintFormats.Print([S, S, S, S, S], newline: true);
    private static readonly CompiledFormat PrintdSpace3S = PrintFormats.PrintDelimited(" ", [S, S, S], newline: false);
    private static readonly CompiledFormat PrintdlnSpace3S = PrintFormats.PrintDelimited(" ", [S, S, S], newline: true);
    private static readonly CompiledFormat SprintdOdd3L = PrintFormats.PrintDelimited("%% % \\ \"", [L, L, L], newline: false);

    private string _s1 = "";
    private string _s2 = "";
    private string _s3 = "";

    public BasePrintModule()
        : base("base.print")
    {
        Globals =
        [
            new GlobalDescriptor("s1", GlobalKind.String, v => _s1 = v),
            new GlobalDescriptor("s2", GlobalKind.String, v => _s2 = v),
            new GlobalDescriptor("s3", GlobalKind.String, v => _s3 = v),
        ];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            Probe(ProbeKind.End, "end", End0),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
        _s1 = "";
        _s2 = "";
        _s3 = "";
    }

    private void Begin0(HandlerContext ctx)
    {
        ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap starting probe"]);
        _s1 = "systemtap";
        _s2 = "test";
        _s3 = "success";
    }

    private void End0(HandlerContext ctx)
    {
        var o = ctx.Output;
        int max = Limits.MaxStringLength;
        ScriptPrinter.Printf(o, Println1S, ["systemtap ending probe"]);

        ScriptPrinter.Printf(o, Print6S, [_s1, " ", _s2, " ", _s3, "\n"]);
        ScriptPrinter.Printf(o, Print1S, [ScriptPrinter.Sprintf(Print6S, [_s1, " ", _s2, " ", _s3, "\n"], max)]);

        ScriptPrinter.Printf(o, Println5S, [_s1, " ", _s2, " ", _s3]);
        ScriptPrinter.Printf(o, Print1S, [ScriptPrinter.Sprintf(Println5S, [_s1, " ", _s2, " ", _s3], max)]);

        ScriptPrinter.Printf(o, PrintdSpace3S, [_s1, _s2, ScriptString.Concat(_s3, "\n", max)]);
        ScriptPrinter.Printf(o, Print1S, [ScriptPrinter.Sprintf(PrintdSpace3S, [_s1, _s2, ScriptString.Concat(_s3, "\n", max)], max)]);

        ScriptPrinter.Printf(o, PrintdlnSpace3S, [_s1, _s2, _s3]);
        ScriptPrinter.Printf(o, Print1S, [ScriptPrinter.Sprintf(PrintdlnSpace3S, [_s1, _s2, _s3], max)]);

        string s = ScriptPrinter.Sprintf(SprintdOdd3L, [1, 2, 3], max);
        if (ScriptString.Compare(s, "1%% % \\ \"2%% % \\ \"3") == 0)
        {
            ScriptPrinter.Printf(o, Println1S, ["systemtap test success"]);
        }
        else
        {
            ScriptPrinter.Printf(o, Println1S, ["systemtap test failure"]);
        }
    }
}
