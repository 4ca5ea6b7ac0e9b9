using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Tests.Execution;

/// <summary>A hand-written module: probes and globals given as lambdas, as generated code would declare them.</summary>
internal sealed class TestModule(ModuleOptions options) : ProbeModule
{
    private readonly List<ProbeDescriptor> _probes = [];
    private readonly List<GlobalDescriptor> _globals = [];

    public TestModule()
        : this(new ModuleOptions("test"))
    {
    }

    public Action Initialize { get; set; } = () => { };

    public override ModuleOptions Options => options;

    public override IReadOnlyList<GlobalDescriptor> Globals => _globals;

    public override IReadOnlyList<ProbeDescriptor> Probes => _probes;

    public override void InitializeGlobals() => Initialize();

    public ProbeDescriptor Add(ProbeKind kind, string point, ProbeHandler handler, long order = 0,
        int[]? reads = null, int[]? writes = null)
    {
        var probe = new ProbeDescriptor(point, point, kind, order, handler, reads ?? [], writes ?? []);
        _probes.Add(probe);
        return probe;
    }

    public int AddGlobal(GlobalDescriptor global)
    {
        _globals.Add(global);
        return _globals.Count - 1;
    }
}
