using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.map_wrap1.stp: <c>global foo%[5]</c> keeps the 5 newest of 10 keys, and since foo is
/// written but never read, the compiler appends the global-display end probe (LANGUAGE.md §5.16):
/// <c>foreach ([k] in foo-) printf("foo[%d]=%d\n", k, foo[k])</c>.
/// </summary>
internal sealed class MapsMapWrap1Module : ConformanceModule
{
    private const string FooToken = "identifier 'foo' at maps.map_wrap1.stp:6:5";
    private static readonly CompiledFormat FooDisplay = Format("foo[%d]=%d\n");

    private ScriptMap<Key1<long>, long> _foo = null!;

    public MapsMapWrap1Module()
        : base("maps.map_wrap1")
    {
        Globals = [new GlobalDescriptor("foo", GlobalKind.Array)];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            Probe(ProbeKind.End, "end", DisplayGlobals, order: long.MaxValue),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _foo = ScriptMap<Key1<long>, long>.Declared(5, wrap: true);

    private void Begin0(HandlerContext ctx)
    {
        for (long i = 0; i < 10; i++)
        {
            ctx.Charge(2, "keyword at maps.map_wrap1.stp:5:3");
            _foo.Set(new Key1<long>(i), i, FooToken);
        }

        TapsetControl.Exit(Tapset);
    }

    private void DisplayGlobals(HandlerContext ctx)
    {
        foreach (var (key, value) in _foo.Iterate(MapOrder.ByValue(descending: true)))
        {
            ScriptPrinter.Printf(ctx.Output, FooDisplay, [key.K1, value]);
        }
    }
}
