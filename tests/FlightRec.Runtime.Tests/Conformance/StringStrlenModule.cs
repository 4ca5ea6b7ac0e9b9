using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/string.strlen.stp with -DMAXSTRINGLEN=64: an unset local is "", and assigning a long
/// literal truncates it to MAXSTRINGLEN − 1 bytes.
/// </summary>
internal sealed class StringStrlenModule : ConformanceModule
{
    private static readonly CompiledFormat F0 = Format("strlen(\"%s\") = %d\n");

    public StringStrlenModule()
        : base("string.strlen", new() { MaxStringLength = 64 })
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
        string a = "";
        ScriptPrinter.Printf(ctx.Output, F0, [a, TapsetStrings.Strlen(a)]);
        a = "1";
        ScriptPrinter.Printf(ctx.Output, F0, [a, TapsetStrings.Strlen(a)]);
        a = "0123456789";
        ScriptPrinter.Printf(ctx.Output, F0, [a, TapsetStrings.Strlen(a)]);
        a = ScriptString.Truncate(
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
            "01234567890123456789012345678901234567890123456789",
            Limits.MaxStringLength);
        ScriptPrinter.Printf(ctx.Output, F0, [a, TapsetStrings.Strlen(a)]);
        TapsetControl.Exit(Tapset);
    }
}
