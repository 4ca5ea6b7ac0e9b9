using FlightRec.Runtime.Collections;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/maps.ii.stp: a long→long map through delete (absent, middle, first, last, all), negation,
/// compound assignment, re-creation, and reads of an absent key (foo[-1] is 0 and not created).
/// </summary>
internal sealed class MapsIiModule : ConformanceModule
{
    private const string FooToken = "identifier 'foo' at maps.ii.stp:7:3";
    private static readonly CompiledFormat Element = Format("foo[%d] = %d\n");
    private static readonly CompiledFormat Newline = Format("\n");

    private ScriptMap<Key1<long>, long> _foo = null!;

    public MapsIiModule()
        : base("maps.ii")
    {
        Globals = [new GlobalDescriptor("foo", GlobalKind.Array)];
        Probes = [Probe(ProbeKind.Begin, "begin", Begin0)];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _foo = ScriptMap<Key1<long>, long>.Default(Limits);

    private void Begin0(HandlerContext ctx)
    {
        var o = ctx.Output;
        for (long i = 0; i < 11; i++)
        {
            _foo.Set(new(i), i * i, FooToken);
        }

        PrintAll(o);

        _foo.Remove(new(11));
        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);

        _foo.Remove(new(5));
        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);

        _foo.Remove(new(1));
        _foo.Remove(new(10));
        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);

        _foo.Set(new(9), -81, FooToken);
        _foo.Set(new(4), -_foo.Get(new(4)), FooToken);
        _foo.GetOrAdd(new(3), FooToken) *= 100;
        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);

        _foo.Remove(new(4));
        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);

        for (long i = 0; i < 11; i++)
        {
            _foo.Remove(new(i));
        }

        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);

        for (long i = 0; i < 11; i++)
        {
            _foo.Set(new(i), i * i, FooToken);
        }

        for (long i = 0; i < 11; i++)
        {
            long previous = _foo.Get(new(i - 1));
            _foo.GetOrAdd(new(i), FooToken) += previous;
        }

        ScriptPrinter.Printf(o, Newline, []);
        PrintAll(o);
        TapsetControl.Exit(Tapset);
    }

    // The script's repeated "foreach (i in foo) printf(...)" loop.
    private void PrintAll(Output.OutputBuffer o)
    {
        foreach (var e in _foo.Iterate(MapOrder.Unsorted))
        {
            long i = e.Key.K1;
            ScriptPrinter.Printf(o, Element, [i, _foo.Get(new(i))]);
        }
    }
}
