using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using FlightRec.Runtime.Execution;
using FlightRec.Runtime.Module;
using FlightRec.Runtime.Output;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// A built test module loaded into this process (its FlightRec.Runtime resolved to ours) and
/// driven through a ScriptSession with every commit recorded: checks the modules themselves
/// before any scenario depends on them.
/// </summary>
internal sealed class InProcessModule : IOutputSink, IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly StringWriter _errors = new();
    private readonly ScriptSession _session;
    private readonly HandlerContext _handler;

    private InProcessModule(AssemblyLoadContext context, ProbeModule module)
    {
        _context = context;
        Module = module;
        _session = new ScriptSession(module, this, _errors);
        _handler = _session.CreateContext(0);
    }

    public ProbeModule Module { get; }

    public List<byte[]> Commits { get; } = [];

    public string Output => string.Concat(Commits.Select(c => Encoding.ASCII.GetString(c)));

    public string Errors => _errors.ToString();

    public SessionState State => _session.State;

    /// <summary>The public ProbeModule classes of an assembly, loaded in a context of its own.</summary>
    public static IReadOnlyList<Type> ModuleClasses(string path, out AssemblyLoadContext context)
    {
        context = new SharedRuntimeContext();
        var assembly = context.LoadFromAssemblyPath(path);
        return assembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(ProbeModule))).ToList();
    }

    /// <summary>Loads the module, assigns the command-line globals, and runs its begin probes.</summary>
    public static InProcessModule Start(string path, params (string Name, string Value)[] globals)
    {
        var classes = ModuleClasses(path, out var context);
        Assert.Single(classes);
        var module = (ProbeModule)Activator.CreateInstance(classes[0])!;
        foreach (var (name, value) in globals)
        {
            module.AssignGlobal(name, value);
        }

        var driver = new InProcessModule(context, module);
        driver._session.Start(driver._handler);
        return driver;
    }

    /// <summary>Fires the event probe with this point once (as its timer would).</summary>
    public bool Fire(string point) => _session.Fire(Module.Probes.Single(p => p.Point == point && p.Kind == ProbeKind.Event), _handler);

    public void Stop() => _session.Stop(_handler);

    public void Commit(ReadOnlySpan<byte> output) => Commits.Add(output.ToArray());

    public void Dispose()
    {
        _session.Dispose();
        _context.Unload();
    }

    private sealed class SharedRuntimeContext() : AssemblyLoadContext("test-module", isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(ProbeModule).Assembly;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
