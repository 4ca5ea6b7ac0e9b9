using System.Runtime.Loader;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Host;

/// <summary>A probe module instantiated in its own load context; disposing unloads the context.</summary>
public sealed class LoadedModule : IDisposable
{
    private AssemblyLoadContext? _context;

    internal LoadedModule(string path, ProbeModule module, AssemblyLoadContext context)
    {
        Path = path;
        Module = module;
        _context = context;
    }

    /// <summary>The path as the user gave it.</summary>
    public string Path { get; }

    public ProbeModule Module { get; }

    public void Dispose()
    {
        _context?.Unload();
        _context = null;
    }
}
