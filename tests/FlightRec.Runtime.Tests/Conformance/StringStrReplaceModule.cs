using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/string.str_replace.stp with -DMAXSTRINGLEN=128: str_replace() of initialised globals,
/// a result cut to 127 bytes, and the literal "\0". stap's strings are C strings, so that literal
/// is the empty string; <see cref="StringLiteral.Unescape"/> keeps the NUL byte, and the tapset
/// string functions then treat it as a character, so the compiler has to cut a literal at its
/// first NUL when it emits it (done here by hand).
/// </summary>
internal sealed class StringStrReplaceModule : ConformanceModule
{
    private static readonly string Nul = CString(StringLiteral.Unescape("\\0"));
    private static readonly CompiledFormat Result = Format("Result = %s\n");

    private string _longStr1 = "";
    private string _longStr2 = "";
    private string _longSrcStr1 = "";
    private string _longSrcStr2 = "";
    private string _longSrcStr3 = "";
    private string _longRlpcStr = "";

    public StringStrReplaceModule()
        : base("string.str_replace", new() { MaxStringLength = 128 })
    {
        Globals =
        [
            new GlobalDescriptor("long_str1", GlobalKind.String, v => _longStr1 = v),
            new GlobalDescriptor("long_str2", GlobalKind.String, v => _longStr2 = v),
            new GlobalDescriptor("long_src_str1", GlobalKind.String, v => _longSrcStr1 = v),
            new GlobalDescriptor("long_src_str2", GlobalKind.String, v => _longSrcStr2 = v),
            new GlobalDescriptor("long_src_str3", GlobalKind.String, v => _longSrcStr3 = v),
            new GlobalDescriptor("long_rlpc_str", GlobalKind.String, v => _longRlpcStr = v),
        ];
        Probes =
        [
            Probe(ProbeKind.Begin, "begin", Begin0),
            Probe(ProbeKind.Begin, "begin", Begin1),
        ];
    }

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals()
    {
        _longStr1 = "hello system tap";
        _longStr2 = "Here I am, on the road again. there I am, up on the stage, Here I go, playing star again. There I go, turn the page.- Bob Seger";
        _longSrcStr1 = "system";
        _longSrcStr2 = "hello";
        _longSrcStr3 = "tap";
        _longRlpcStr = "pointer";
    }

    private void Begin0(HandlerContext ctx)
    {
        int max = Limits.MaxStringLength;
        Print(ctx, TapsetStrings.StrReplace(_longStr1, _longSrcStr1, _longRlpcStr, max));
        Print(ctx, TapsetStrings.StrReplace(_longStr1, _longSrcStr2, _longRlpcStr, max));
        Print(ctx, TapsetStrings.StrReplace(_longStr1, _longSrcStr3, _longRlpcStr, max));
        Print(ctx, TapsetStrings.StrReplace(_longStr2, "road", "bored", max));
        Print(ctx, TapsetStrings.StrReplace(_longStr2, "Here", "here", max));
        Print(ctx, TapsetStrings.StrReplace(_longStr2, "Bob Seger", "Metallica", max));
        Print(ctx, TapsetStrings.StrReplace(_longStr1, _longSrcStr1, Nul, max));
        Print(ctx, TapsetStrings.StrReplace(_longStr1, Nul, _longRlpcStr, max));
        Print(ctx, TapsetStrings.StrReplace(Nul, Nul, _longRlpcStr, max));
        Print(ctx, TapsetStrings.StrReplace(Nul, Nul, Nul, max));
    }

    private void Begin1(HandlerContext ctx) => TapsetControl.Exit(Tapset);

    private static string CString(string unescaped) =>
        unescaped.IndexOf('\0', StringComparison.Ordinal) is int nul and >= 0 ? unescaped[..nul] : unescaped;

    private static void Print(HandlerContext ctx, string s) => ScriptPrinter.Printf(ctx.Output, Result, [s]);
}
