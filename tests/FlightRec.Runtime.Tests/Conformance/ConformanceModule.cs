using FlightRec.Runtime.Context;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Formatting;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Statistics;

namespace FlightRec.Runtime.Tests.Conformance;

/// <summary>
/// The base of the hand-written conformance modules: what a compiled module would carry besides
/// the ABI — its limits, the tapset context its handlers pass to tapset functions, and how the
/// driver has to run it (event hits, a simulated Ctrl-C).
/// </summary>
internal abstract class ConformanceModule(string script, ScriptLimits? limits = null) : ProbeModule
{
    private readonly ModuleOptions _options = new(script) { Limits = limits ?? ScriptLimits.Default };

    /// <summary>The conformance case name, e.g. <c>maps.foreach_limit</c> (run/NAME.stp).</summary>
    public string Script => script;

    public override ModuleOptions Options => _options;

    public ScriptLimits Limits => _options.Limits;

    /// <summary>
    /// The tapset context of the (single) dispatch thread. HandlerContext does not carry one, so
    /// the driver wires it to the session's output buffer and to the session (its ISessionControl) before Start.
    /// </summary>
    public ProbeContext Tapset { get; } = new();

    /// <summary>How many times the driver fires each event probe (timers) while the session runs.</summary>
    public virtual int EventHits => 0;

    /// <summary>Per-CPU statistics slots: the driver runs every handler on CPU 0.</summary>
    protected const int StatsSlots = 1;

    /// <summary>A printf format literal, parsed once when the module is loaded, as generated code does.</summary>
    protected static CompiledFormat Format(string unescapedLiteral) =>
        FormatString.Parse(unescapedLiteral).Format
            ?? throw new InvalidOperationException($"bad format in conformance module: {unescapedLiteral}");

    protected static StatsValue NewStats(StatsDescriptor descriptor) => new(descriptor, StatsSlots);

    protected static ProbeDescriptor Probe(ProbeKind kind, string point, ProbeHandler handler, long order = 0) =>
        new(point, point, kind, order, handler, [], []);
}
