using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>run/string.substr.stp: substr() at and beyond both ends of the string.</summary>
internal sealed class StringSubstrModule : ConformanceModule
{
    private static readonly CompiledFormat Line = Format("%s\n");
    private static readonly (long Start, long Length, CompiledFormat Format)[] Calls =
    [
        (0, 0, Format("0,0: %s\n")),
        (-1, 10, Format("-1,10: %s\n")),
        (10, 0, Format("10,0: %s\n")),
        (0, 1, Format("0,1: %s\n")),
        (1, 1, Format("1,1: %s\n")),
        (2, 1, Format("2,1: %s\n")),
        (2, 5, Format("2,5: %s\n")),
        (6, 1, Format("6,1: %s\n")),
        (11, 1, Format("11,1: %s\n")),
        (11, 100, Format("11,100: %s\n")),
        (12, 1, Format("12,1: %s\n")),
        (0, 10, Format("0,10: %s\n")),
        (0, 100, Format("0,100: %s\n")),
        (0, 100000, Format("0,100000: %s\n")),
    ];

    public StringSubstrModule()
        : base("string.substr")
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
        string s = "Hello World!";
        ScriptPrinter.Printf(ctx.Output, Line, [s]);

        // The script repeats "x = substr(s,A,B); printf(...)"; the table only saves repetition here.
        foreach (var (start, length, format) in Calls)
        {
            string x = TapsetStrings.Substr(s, start, length, Limits.MaxStringLength);
            ScriptPrinter.Printf(ctx.Output, format, [x]);
        }

        TapsetControl.Exit(Tapset);
    }
}
