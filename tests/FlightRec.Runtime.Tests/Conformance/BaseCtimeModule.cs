using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// run/base.ctime.stp: ctime() of representable times, and try/catch around the ones that
/// raise an error (before 1901-12-13 or after 2038-01-19 on stap ≥ 2.2).
/// </summary>
internal sealed class BaseCtimeModule : ConformanceModule
{
    private static readonly CompiledFormat Println1S = PrintFormats.Print([FormatArgumentType.String], newline: true);

    public BaseCtimeModule()
        : base("base.ctime")
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
        Println(ctx, TapsetTime.Ctime(0));
        Println(ctx, TapsetTime.Ctime(-1));
        Println(ctx, TapsetTime.Ctime(1));
        Println(ctx, TapsetTime.Ctime(100000000));
        Println(ctx, TapsetTime.Ctime(1234567890));
        Println(ctx, TapsetTime.Ctime(1073741824));
        Println(ctx, TapsetTime.Ctime(0x50000000));

        long secspermin = 60;
        long minsperhour = 60;
        long hoursperday = 24;
        long secsperhour = secspermin * minsperhour;
        long secsperday = secsperhour * hoursperday;
        long epoch_year = 1970;
        long time = -1 * (epoch_year - 1000) * 365 * secsperday;
        TryCtime(ctx, time);
        time = (9999 - epoch_year) * 365 * secsperday;
        TryCtime(ctx, time);

        time = -2147483648;
        Println(ctx, TapsetTime.Ctime(time));
        time--;
        TryCtime(ctx, time);

        time = 2147483647;
        Println(ctx, TapsetTime.Ctime(time));
        time++;
        TryCtime(ctx, time);

        TryCtime(ctx, long.MinValue);
        TryCtime(ctx, long.MaxValue);

        TapsetControl.Exit(Tapset);
    }

    // Each of the script's six identical try blocks, as the compiler lowers try/catch.
    private static void TryCtime(HandlerContext ctx, long time)
    {
        int depth = ctx.Depth;
        try
        {
            string result = TapsetTime.Ctime(time);
            if (result == "far far in the future..."
                || result == "a long, long time ago..."
                || result == "<invalid time>")
            {
                Println(ctx, "conversion error");
            }
            else
            {
                Println(ctx, result);
            }
        }
        catch (ScriptError e) when (e.Catchable)
        {
            ctx.RestoreDepth(depth);
            Println(ctx, "conversion error");
        }
    }

    private static void Println(HandlerContext ctx, string s) => ScriptPrinter.Printf(ctx.Output, Println1S, [s]);
}
