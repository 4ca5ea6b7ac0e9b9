using System.Reflection;
using System.Runtime.Loader;

namespace FlightRec.Runtime.Host;

/// <summary>
/// A collectible load context for one module. FlightRec.Runtime resolves to the host's own
/// copy, so the module's ProbeModule is the host's ProbeModule; other dependencies are looked
/// for next to the module, then left to the default context (the BCL).
/// </summary>
internal sealed class ModuleLoadContext(string moduleDirectory)
    : AssemblyLoadContext("flightrec-module", isCollectible: true)
{
    private static readonly Assembly Runtime = typeof(Module.ProbeModule).Assembly;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == Runtime.GetName().Name)
        {
            return Runtime;
        }

        string candidate = Path.Combine(moduleDirectory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
