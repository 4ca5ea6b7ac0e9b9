using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Tapset;

namespace FlightRec.Examples;

/// <summary>
/// heartbeat — the module of this script:
/// <code>
/// global beats
/// probe begin { printf("heartbeat started\n") }
/// probe timer.ms(100) { beats++; printf("%s beat %d\n", ctime(gettimeofday_s()), beats) }
/// probe end { printf("%d beats\n", beats) }
/// </code>
/// Run it as a flight recorder:
/// <code>
/// dotnet build examples/modules/heartbeat -c Release -o artifacts/examples
/// artifacts/bin/frrun -L artifacts/examples/heartbeat.dll   # launch and detach
/// artifacts/bin/frrun -D heartbeat                          # dump what it recorded so far
/// artifacts/bin/frrun -A heartbeat                          # attach: Ctrl-\ detaches, Ctrl-C stops
/// </code>
/// </summary>
public sealed class HeartbeatModule : ProbeModule
{
    private const int Beats = 0;
    private static readonly CompiledFormat Started = FormatString.Parse("heartbeat started\n").Format!;
    private static readonly CompiledFormat Beat = FormatString.Parse("%s beat %d\n").Format!;
    private static readonly CompiledFormat Total = FormatString.Parse("%d beats\n").Format!;

    private long _beats;

    public HeartbeatModule()
    {
        Globals = [new GlobalDescriptor("beats", GlobalKind.Long, value => _beats = GlobalValues.ParseLong("beats", value))];
        Probes =
        [
            new ProbeDescriptor("begin", "begin", ProbeKind.Begin, 0, c => ScriptPrinter.Printf(c.Output, Started, []), [], []),
            new ProbeDescriptor("timer.ms(100)", "timer.ms(100)", ProbeKind.Event, 0, OnTimer, [Beats], [Beats]),
            new ProbeDescriptor("end", "end", ProbeKind.End, 0, c => ScriptPrinter.Printf(c.Output, Total, [_beats]), [Beats], []),
        ];
    }

    public override ModuleOptions Options { get; } = new("heartbeat");

    public override IReadOnlyList<GlobalDescriptor> Globals { get; }

    public override IReadOnlyList<ProbeDescriptor> Probes { get; }

    public override void InitializeGlobals() => _beats = 0;

    private void OnTimer(HandlerContext context)
    {
        _beats++;
        string now = TapsetTime.Ctime(TapsetTime.GettimeofdayS(context.Probe));
        ScriptPrinter.Printf(context.Output, Beat, [now, _beats]);
    }
}
