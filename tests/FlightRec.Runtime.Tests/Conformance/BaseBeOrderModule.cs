using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.be_order.stp (needs-interrupt: the driver's Stop plays Ctrl-C): begin(N) and end(N)
/// run in increasing N over the whole int64 range, ties in declaration order; each appends a
/// letter with <c>.=</c> and the last end probe checks both strings.
/// </summary>
internal sealed class BaseBeOrderModule : ConformanceModule
{
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);
    private static readonly CompiledFormat BeginFailure = Format("systemtap test failure - beginstr:%s != abccde\n");
    private static readonly CompiledFormat EndFailure = Format("systemtap test failure - endstr:%s != vwxxyz\n");
    private static readonly CompiledFormat Passes = Format("systemtap test failure (%d passes)\n");

    private string _beginstr = "";
    private string _endstr = "";

    public BaseBeOrderModule()
        : base("base.be_order")
    {
        Globals =
        [
            new GlobalDescriptor("beginstr", GlobalKind.String, v => _beginstr = v),
            new GlobalDescriptor("endstr", GlobalKind.String, v => _endstr = v),
        ];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", ctx => ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap starting probe"])),
            Probe(ProbeKind.End, "end", ctx => ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap ending probe"])),
            Probe(ProbeKind.Begin, "begin", _ => AppendBegin("c")),
            Probe(ProbeKind.Begin, "begin(1)", _ => AppendBegin("d"), order: 1),
            Probe(ProbeKind.Begin, "begin(-1)", _ => AppendBegin("b"), order: -1),
            Probe(ProbeKind.Begin, "begin(0)", _ => AppendBegin("c"), order: 0),
            Probe(ProbeKind.Begin, "begin(9223372036854775807)", _ => AppendBegin("e"), order: long.MaxValue),
            Probe(ProbeKind.Begin, "begin(-9223372036854775808)", _ => AppendBegin("a"), order: long.MinValue),
            Probe(ProbeKind.End, "end", _ => AppendEnd("x")),
            Probe(ProbeKind.End, "end(1)", _ => AppendEnd("y"), order: 1),
            Probe(ProbeKind.End, "end(-1)", _ => AppendEnd("w"), order: -1),
            Probe(ProbeKind.End, "end(0)", _ => AppendEnd("x"), order: 0),
            Probe(ProbeKind.End, "end(9223372036854775807)", EndMax, order: long.MaxValue),
            Probe(ProbeKind.End, "end(-9223372036854775808)", _ => AppendEnd("v"), order: long.MinValue),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
        _beginstr = "";
        _endstr = "";
    }

    private void AppendBegin(string letter) => _beginstr = ScriptString.Concat(_beginstr, letter, Limits.MaxStringLength);

    private void AppendEnd(string letter) => _endstr = ScriptString.Concat(_endstr, letter, Limits.MaxStringLength);

    private void EndMax(HandlerContext ctx)
    {
        var o = ctx.Output;
        AppendEnd("z");
        long rc = 0;
        if (_beginstr == "abccde")
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, BeginFailure, [_beginstr]);
        }

        if (_endstr == "vwxxyz")
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, EndFailure, [_endstr]);
        }

        if (rc == 2)
        {
            ScriptPrinter.Printf(o, Println1S, ["systemtap test success"]);
        }
        else
        {
            ScriptPrinter.Printf(o, Passes, [rc]);
        }
    }
}
