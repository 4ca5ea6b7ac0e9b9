using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.array_slicing.delete_int_wild.stp, run with <c>-- 300 '*'</c>: the script text
/// <c>delete val[$1, $2]</c> becomes <c>delete val[300, *]</c>, a slice delete on column 0. The
/// stap_run bracketing lines are printed by the script itself.
/// </summary>
internal sealed class BaseArraySlicingDeleteIntWildModule : ConformanceModule
{
    private const string ValToken = "identifier 'val' at base.array_slicing.delete_int_wild.stp:1:33";
    private static readonly CompiledFormat PrintS = PrintFormats.Print([FormatArgumentType.String], newline: false);
    private static readonly CompiledFormat PrintD = PrintFormats.Print([FormatArgumentType.Long], newline: false);

    private ScriptMap<Key2<long, string>, long> _val = null!;

    public BaseArraySlicingDeleteIntWildModule()
        : base("base.array_slicing.delete_int_wild")
    {
        Globals = [new GlobalDescriptor("val", GlobalKind.Array)];
        Probes = [new ProbeDescriptor("begin", "oneshot", ProbeKind.Begin, 0, Oneshot0, [], [0])];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _val = ScriptMap<Key2<long, string>, long>.Default(Limits);

    private void Oneshot0(HandlerContext ctx)
    {
        TapsetControl.Exit(Tapset); // the oneshot alias prologue
        _val.Set(new(9, "hello"), 9, ValToken);
        _val.Set(new(300, "there"), 6, ValToken);
        ScriptPrinter.Printf(ctx.Output, PrintS, ["systemtap starting probe\nsystemtap ending probe\n"]);
        _val.RemoveMatches(new(300, ""), fixedColumns: 0b01);
        ScriptPrinter.Printf(ctx.Output, PrintD, [_val.Get(new(9, "hello"))]);
        ScriptPrinter.Printf(ctx.Output, PrintD, [_val.Get(new(300, "there"))]);
        TapsetControl.Exit(Tapset);
    }
}
