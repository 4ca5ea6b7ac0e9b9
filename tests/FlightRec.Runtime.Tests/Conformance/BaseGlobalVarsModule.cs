using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.global_vars.stp (needs-interrupt: the driver's Stop plays Ctrl-C): initialised
/// globals, a sized string array, begin(INT64_MIN) running before the plain begin, and two end
/// probes in declaration order.
/// </summary>
internal sealed class BaseGlobalVarsModule : ConformanceModule
{
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);
    private static readonly CompiledFormat CFailure = Format("systemtap test failure - c:%d != 42\n");
    private static readonly CompiledFormat DFailure = Format("systemtap test failure - d:%d != %d\n");
    private static readonly CompiledFormat AFailure = Format("systemtap test failure - a:%d != %d\n");
    private static readonly CompiledFormat FFailure = Format("systemtap test failure - f:%d != %d\n");
    private static readonly CompiledFormat EFailure = Format("systemtap test failure - e:%s != a\n");
    private static readonly CompiledFormat GstrFailure = Format("systemtap test failure - gstr_saved:%s != foobar\n");
    private static readonly CompiledFormat Passes = Format("systemtap test failure (%d passes)\n");

    private long _a;
    private long _c;
    private long _d;
    private long _g;
    private ScriptMap<Key1<long>, string> _e = null!;
    private long _f;
    private string _gstr = "";
    private string _gstrSaved = "";

    public BaseGlobalVarsModule()
        : base("base.global_vars")
    {
        Globals =
        [
            new GlobalDescriptor("a", GlobalKind.Long, v => _a = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            new GlobalDescriptor("c", GlobalKind.Long, v => _c = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            new GlobalDescriptor("d", GlobalKind.Long, v => _d = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            new GlobalDescriptor("g", GlobalKind.Long, v => _g = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            new GlobalDescriptor("e", GlobalKind.Array),
            new GlobalDescriptor("f", GlobalKind.Long, v => _f = long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            new GlobalDescriptor("gstr", GlobalKind.String, v => _gstr = v),
            new GlobalDescriptor("gstr_saved", GlobalKind.String, v => _gstrSaved = v),
        ];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            Probe(ProbeKind.End, "end", End0),
            Probe(ProbeKind.Begin, "begin(-9223372036854775808)", BeginMin, order: long.MinValue),
            Probe(ProbeKind.End, "end", End1),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
        _a = 0;
        _c = 0;
        _d = 0;
        _g = 42;
        _e = ScriptMap<Key1<long>, string>.Declared(1);
        _f = 0;
        _gstr = "foobar";
        _gstrSaved = "";
    }

    private static void Begin0(HandlerContext ctx) => ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap starting probe"]);

    private static void End0(HandlerContext ctx) => ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap ending probe"]);

    private void BeginMin(HandlerContext ctx)
    {
        _c = _g;
        _d = _c + _g;
        _a = _d;
        _f = _c;
        _e.Set(new Key1<long>(0), "a", "identifier 'e' at base.global_vars.stp:21:5");
        _gstrSaved = _gstr;
    }

    private void End1(HandlerContext ctx)
    {
        var o = ctx.Output;
        long rc = 0;
        if (_c == 42)
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, CFailure, [_c]);
        }

        if (_d == _c + _g)
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, DFailure, [_d, _c + _g]);
        }

        if (_a == _d)
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, AFailure, [_a, _d]);
        }

        if (_f == _c)
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, FFailure, [_f, _c]);
        }

        if (_e.Get(new Key1<long>(0)) == "a")
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, EFailure, [_e.Get(new Key1<long>(0))]);
        }

        if (_gstrSaved == "foobar")
        {
            rc += 1;
        }
        else
        {
            ScriptPrinter.Printf(o, GstrFailure, [_gstrSaved]);
        }

        if (rc == 6)
        {
            ScriptPrinter.Printf(o, Println1S, ["systemtap test success"]);
        }
        else
        {
            ScriptPrinter.Printf(o, Passes, [rc]);
        }
    }
}
