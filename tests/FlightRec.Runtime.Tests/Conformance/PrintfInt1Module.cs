using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/printf.int1.stp: %d %u %x %X %o with widths, the 0 and # flags and the ignored l
/// modifier over 1, 10, 9000000000000, -1 and -1024.
/// </summary>
internal sealed class PrintfInt1Module : ConformanceModule
{
    private static readonly CompiledFormat F0 = Format("%d,%d,%d,%d,%d\n");
    private static readonly CompiledFormat F1 = Format("%2d,%2d,%2d,%2d,%2d\n");
    private static readonly CompiledFormat F2 = Format("%16d,%16d,%16d,%16d,%16d\n");
    private static readonly CompiledFormat F3 = Format("%016d,%016d,%016d,%016d,%016d\n");
    private static readonly CompiledFormat F4 = Format("%ld,%ld,%ld,%ld,%ld\n");
    private static readonly CompiledFormat F5 = Format("%#d,%#d,%#d,%#d,%#d\n");
    private static readonly CompiledFormat F6 = Format("%#ld,%#ld,%#ld,%#ld,%#ld\n");
    private static readonly CompiledFormat F7 = Format("\n");
    private static readonly CompiledFormat F8 = Format("%u,%u,%u,%u,%u\n");
    private static readonly CompiledFormat F9 = Format("%2u,%2u,%2u,%2u,%2u\n");
    private static readonly CompiledFormat F10 = Format("%16u,%16u,%16u,%16u,%16u\n");
    private static readonly CompiledFormat F11 = Format("%016u,%016u,%016u,%016u,%016u\n");
    private static readonly CompiledFormat F12 = Format("%lu,%lu,%lu,%lu,%lu\n");
    private static readonly CompiledFormat F13 = Format("%#u,%#u,%#u,%#u,%#u\n");
    private static readonly CompiledFormat F14 = Format("%#lu,%#lu,%#lu,%#lu,%#lu\n");
    private static readonly CompiledFormat F15 = Format("\n");
    private static readonly CompiledFormat F16 = Format("%x,%x,%x,%x,%x\n");
    private static readonly CompiledFormat F17 = Format("%2x,%2x,%2x,%2x,%2x\n");
    private static readonly CompiledFormat F18 = Format("%16x,%16x,%16x,%16x,%16x\n");
    private static readonly CompiledFormat F19 = Format("%016x,%016x,%016x,%016x,%016x\n");
    private static readonly CompiledFormat F20 = Format("%16X,%16X,%16X,%16X,%16X\n");
    private static readonly CompiledFormat F21 = Format("%016X,%016X,%016X,%016X,%016X\n");
    private static readonly CompiledFormat F22 = Format("%lx,%lx,%lx,%lx,%lx\n");
    private static readonly CompiledFormat F23 = Format("%#x,%#x,%#x,%#x,%#x\n");
    private static readonly CompiledFormat F24 = Format("%#lx,%#lx,%#lx,%#lx,%#lx\n");
    private static readonly CompiledFormat F25 = Format("\n");
    private static readonly CompiledFormat F26 = Format("%o,%o,%o,%o,%o\n");
    private static readonly CompiledFormat F27 = Format("%2o,%2o,%2o,%2o,%2o\n");
    private static readonly CompiledFormat F28 = Format("%16o,%16o,%16o,%16o,%16o\n");
    private static readonly CompiledFormat F29 = Format("%016o,%016o,%016o,%016o,%016o\n");
    private static readonly CompiledFormat F30 = Format("%lo,%lo,%lo,%lo,%lo\n");
    private static readonly CompiledFormat F31 = Format("%#o,%#o,%#o,%#o,%#o\n");
    private static readonly CompiledFormat F32 = Format("%#lo,%#lo,%#lo,%#lo,%#lo\n");

    public PrintfInt1Module()
        : base("printf.int1")
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
        var o = ctx.Output;
        long i = 1;
        long j = 10;
        long k = 9000000000000;
        long m = -1;
        long n = -1024;

        ScriptPrinter.Printf(o, F0, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F1, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F2, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F3, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F4, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F5, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F6, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F7, []);
        ScriptPrinter.Printf(o, F8, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F9, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F10, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F11, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F12, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F13, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F14, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F15, []);
        ScriptPrinter.Printf(o, F16, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F17, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F18, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F19, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F20, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F21, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F22, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F23, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F24, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F25, []);
        ScriptPrinter.Printf(o, F26, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F27, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F28, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F29, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F30, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F31, [i, j, k, m, n]);
        ScriptPrinter.Printf(o, F32, [i, j, k, m, n]);

        TapsetControl.Exit(Tapset);
    }
}
