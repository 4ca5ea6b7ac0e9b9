using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;
using FlightRec.Runtime.Values;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/string.text_str.stp: concatenation, text_str() and text_strn() (lengths, quoting,
/// the trailing ... of a cut quoted string) over plain digits and over control/high bytes.
/// </summary>
internal sealed class StringTextStrModule : ConformanceModule
{
    private static readonly CompiledFormat A = Format("a=%s\n");
    private static readonly CompiledFormat B = Format("b=%s\n");
    private static readonly CompiledFormat C = Format("c=%s\n");
    private static readonly CompiledFormat TextStrHeader = Format("----- Using text_str -----\n");
    private static readonly CompiledFormat TextStrnHeader = Format("----- Using text_strn -----\n");
    private static readonly CompiledFormat Len10Header = Format("----- Using text_strn len = 10 -----\n");
    private static readonly CompiledFormat Len12Header = Format("----- Using text_strn len = 12 -----\n");
    private static readonly CompiledFormat QuotedHeader = Format("----- Using text_strn quoted -----\n");
    private static readonly CompiledFormat Len10QuotedHeader = Format("----- Using text_strn len=10, quoted -----\n");
    private static readonly CompiledFormat Len12QuotedHeader = Format("----- Using text_strn len=12, quoted -----\n");
    private static readonly CompiledFormat Len15QuotedHeader = Format("----- Using text_strn len=15, quoted -----\n");

    public StringTextStrModule()
        : base("string.text_str")
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
        int max = Limits.MaxStringLength;
        string a = "1234567890";
        string b = ScriptString.Concat(a, a, max);
        string c = ScriptString.Concat(a, b, max);
        PrintThree(ctx, a, b, c);

        ScriptPrinter.Printf(ctx.Output, TextStrHeader, []);
        PrintThree(ctx, TapsetText.TextStr(a, max), TapsetText.TextStr(b, max), TapsetText.TextStr(c, max));
        TextStrn(ctx, TextStrnHeader, a, b, c, 0, 0);
        TextStrn(ctx, Len10Header, a, b, c, 10, 0);
        TextStrn(ctx, QuotedHeader, a, b, c, 0, 1);
        TextStrn(ctx, Len10QuotedHeader, a, b, c, 10, 1);
        TextStrn(ctx, Len12QuotedHeader, a, b, c, 12, 1);

        a = "\n\nXYZZY\u0019";
        b = "?\u0099\a\n\n\r\n";
        c = ScriptString.Concat(a, b, max);

        ScriptPrinter.Printf(ctx.Output, TextStrHeader, []);
        PrintThree(ctx, TapsetText.TextStr(a, max), TapsetText.TextStr(b, max), TapsetText.TextStr(c, max));
        TextStrn(ctx, TextStrnHeader, a, b, c, 0, 0);
        TextStrn(ctx, Len10Header, a, b, c, 10, 0);
        TextStrn(ctx, Len12Header, a, b, c, 12, 0);
        TextStrn(ctx, QuotedHeader, a, b, c, 0, 1);
        TextStrn(ctx, Len10QuotedHeader, a, b, c, 10, 1);
        TextStrn(ctx, Len15QuotedHeader, a, b, c, 15, 1);

        TapsetControl.Exit(Tapset);
    }

    // The script spells out each header and three printf calls; these helpers only fold the repetition.
    private void TextStrn(HandlerContext ctx, CompiledFormat header, string a, string b, string c, long len, long quoted)
    {
        int max = Limits.MaxStringLength;
        ScriptPrinter.Printf(ctx.Output, header, []);
        PrintThree(
            ctx,
            TapsetText.TextStrn(a, len, quoted, max),
            TapsetText.TextStrn(b, len, quoted, max),
            TapsetText.TextStrn(c, len, quoted, max));
    }

    private static void PrintThree(HandlerContext ctx, string a, string b, string c)
    {
        ScriptPrinter.Printf(ctx.Output, A, [a]);
        ScriptPrinter.Printf(ctx.Output, B, [b]);
        ScriptPrinter.Printf(ctx.Output, C, [c]);
    }
}
