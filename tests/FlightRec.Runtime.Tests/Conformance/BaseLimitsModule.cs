using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.limits.stp: 32- and 64-bit integer limits through %d, %x and %u (literals above
/// INT64_MAX were already wrapped to int64 by the compiler, as LANGUAGE.md §2 says).
/// </summary>
internal sealed class BaseLimitsModule : ConformanceModule
{
    private static readonly CompiledFormat Max32 = Format("Maximum signed 32-bit number\n");
    private static readonly CompiledFormat DecHex = Format("%d 0x%x\n");
    private static readonly CompiledFormat MaxU32 = Format("\nMaximum unsigned 32-bit number\n");
    private static readonly CompiledFormat Min32 = Format("\nMinimum signed 32-bit number\n");
    private static readonly CompiledFormat Max64 = Format("\nMaximum signed 64-bit number\n");
    private static readonly CompiledFormat MaxU64 = Format("\nMaximum unsigned 64-bit number\n");
    private static readonly CompiledFormat UnsignedHex = Format("%ud 0x%x\n");
    private static readonly CompiledFormat Min64 = Format("\nMinimum signed 64-bit number\n");

    public BaseLimitsModule()
        : base("base.limits")
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
        long long_max = 2147483647;
        long ulong_max = 4294967295;
        long long_min = -2147483647 - 1;
        long long_min2 = -2147483648;

        ScriptPrinter.Printf(o, Max32, []);
        ScriptPrinter.Printf(o, DecHex, [long_max, long_max]);
        ScriptPrinter.Printf(o, DecHex, [2147483647, 2147483647]);
        ScriptPrinter.Printf(o, DecHex, [0x7fffffff, 0x7fffffff]);

        ScriptPrinter.Printf(o, MaxU32, []);
        ScriptPrinter.Printf(o, DecHex, [ulong_max, ulong_max]);
        ScriptPrinter.Printf(o, DecHex, [4294967295, 4294967295]);
        ScriptPrinter.Printf(o, DecHex, [0xffffffff, 0xffffffff]);

        ScriptPrinter.Printf(o, Min32, []);
        ScriptPrinter.Printf(o, DecHex, [long_min, long_min]);
        ScriptPrinter.Printf(o, DecHex, [long_min2, long_min2]);
        ScriptPrinter.Printf(o, DecHex, [-2147483648, -2147483648]);
        ScriptPrinter.Printf(o, DecHex, [unchecked((long)0xffffffff80000000), unchecked((long)0xffffffff80000000)]);

        long llong_max = 9223372036854775807;
        long ullong_max = -1; // 18446744073709551615
        long llong_min = -9223372036854775807 - 1;
        long llong_min2 = long.MinValue; // -9223372036854775808
        long llong_min3 = long.MinValue; // 9223372036854775808 wraps

        ScriptPrinter.Printf(o, Max64, []);
        ScriptPrinter.Printf(o, DecHex, [llong_max, llong_max]);
        ScriptPrinter.Printf(o, DecHex, [9223372036854775807, 9223372036854775807]);
        ScriptPrinter.Printf(o, DecHex, [0x7fffffffffffffff, 0x7fffffffffffffff]);

        ScriptPrinter.Printf(o, MaxU64, []);
        ScriptPrinter.Printf(o, UnsignedHex, [ullong_max, ullong_max]);
        ScriptPrinter.Printf(o, UnsignedHex, [-1, -1]);
        ScriptPrinter.Printf(o, UnsignedHex, [-1, -1]);

        ScriptPrinter.Printf(o, Min64, []);
        ScriptPrinter.Printf(o, DecHex, [llong_min, llong_min]);
        ScriptPrinter.Printf(o, DecHex, [llong_min2, llong_min2]);
        ScriptPrinter.Printf(o, DecHex, [llong_min3, llong_min3]);
        ScriptPrinter.Printf(o, DecHex, [long.MinValue, long.MinValue]);
        ScriptPrinter.Printf(o, DecHex, [long.MinValue, long.MinValue]);

        TapsetControl.Exit(Tapset);
    }
}
