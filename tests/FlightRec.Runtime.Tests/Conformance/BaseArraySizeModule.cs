using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.array_size.stp with -DMAXMAPENTRIES=1 (needs-interrupt: the driver's Stop plays
/// Ctrl-C): <c>global a[100]</c> holds 100 elements although MAXMAPENTRIES is 1; unset locals
/// incremented with ++ start from 0.
/// </summary>
internal sealed class BaseArraySizeModule : ConformanceModule
{
    private const string AToken = "identifier 'a' at base.array_size.stp:16:9";
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);
    private static readonly CompiledFormat Failure = Format("systemtap test failure - ok:%d, bad:%d\n");

    private ScriptMap<Key1<long>, long> _a = null!;

    public BaseArraySizeModule()
        : base("base.array_size", new() { MaxMapEntries = 1 })
    {
        Globals = [new GlobalDescriptor("a", GlobalKind.Array)];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", ctx => ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap starting probe"])),
            Probe(ProbeKind.End, "end", ctx => ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap ending probe"])),
            Probe(ProbeKind.Begin, "begin", Begin1),
            Probe(ProbeKind.End, "end(1)", End1, order: 1),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _a = ScriptMap<Key1<long>, long>.Declared(100);

    private void Begin1(HandlerContext ctx)
    {
        for (long i = 42; i < 142; ++i)
        {
            ctx.Charge(2, "keyword at base.array_size.stp:15:5");
            _a.Set(new(i), i * i, AToken);
        }
    }

    private void End1(HandlerContext ctx)
    {
        long ok = 0;
        long bad = 0;
        for (long i = 42; i < 142; ++i)
        {
            ctx.Charge(3, "keyword at base.array_size.stp:20:5");
            if (_a.Get(new(i)) == i * i)
            {
                ++ok;
            }
            else
            {
                ++bad;
            }
        }

        if (ok == 100 && bad == 0)
        {
            ScriptPrinter.Printf(ctx.Output, Println1S, ["systemtap test success"]);
        }
        else
        {
            ScriptPrinter.Printf(ctx.Output, Failure, [ok, bad]);
        }
    }
}
