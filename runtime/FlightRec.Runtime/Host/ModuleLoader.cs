using System.Reflection;
using FlightRec.Runtime.Linux;
using FlightRec.Runtime.Module;

namespace FlightRec.Runtime.Host;

/// <summary>
/// Loads MODULE.dll for a host: reads it, loads it into its own collectible context, finds
/// its one public concrete <see cref="ProbeModule"/> class, instantiates it and checks its ABI.
/// Every failure is a <see cref="HostException"/> whose message is the user's one line.
/// </summary>
public static class ModuleLoader
{
    public static LoadedModule Load(string path)
    {
        byte[] image = ReadImage(path);
        var context = new ModuleLoadContext(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/");
        try
        {
            var assembly = LoadAssembly(context, image, path);
            var module = Instantiate(FindModuleClass(assembly, path), path);
            try
            {
                ProbeModule.CheckCompatible(module);
            }
            catch (InvalidOperationException e)
            {
                throw new HostException(e.Message);
            }

            return new LoadedModule(path, module, context);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static byte[] ReadImage(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CouldNotOpen(path, Errno.ENOENT);
        }
        catch (UnauthorizedAccessException)
        {
            throw Directory.Exists(path) ? CouldNotOpen(path, Errno.EISDIR) : CouldNotOpen(path, Errno.EACCES);
        }
        catch (IOException e)
        {
            throw new HostException($"Couldn't open module '{path}': {e.Message}");
        }
    }

    private static HostException CouldNotOpen(string path, int errno) =>
        new($"Couldn't open module '{path}': {Errno.Describe(errno)}");

    private static Assembly LoadAssembly(ModuleLoadContext context, byte[] image, string path)
    {
        try
        {
            return context.LoadFromStream(new MemoryStream(image, writable: false));
        }
        catch (BadImageFormatException)
        {
            throw new HostException($"'{path}' is not a .NET assembly");
        }
        catch (FileLoadException e)
        {
            throw new HostException($"'{path}' could not be loaded: {e.Message}");
        }
    }

    private static Type FindModuleClass(Assembly assembly, string path)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type that cannot load (a missing dependency, a ProbeModule of another shape) makes
            // the module unusable as a whole: name the first reason rather than guess around it.
            var reason = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            throw new HostException($"'{path}' could not be loaded: {reason}");
        }

        var candidates = types
            .Where(t => t is not null && t.IsVisible && !t.IsAbstract && t.IsSubclassOf(typeof(ProbeModule)))
            .Select(t => t!)
            .ToList();
        return candidates.Count switch
        {
            0 => throw new HostException($"'{path}' is not a FlightRec probe module (no ProbeModule class)"),
            1 => candidates[0],
            _ => throw new HostException(
                $"'{path}' holds {candidates.Count} ProbeModule classes ({string.Join(", ", candidates.Select(t => t.FullName))}); a module holds exactly one"),
        };
    }

    private static ProbeModule Instantiate(Type type, string path)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new HostException($"'{path}': probe module class {type.FullName} has no public parameterless constructor");
        }

        try
        {
            var module = (ProbeModule)Activator.CreateInstance(type)!;
            // Touch what the host relies on, so that a broken module fails here with its name.
            _ = module.Options.Name;
            _ = module.Probes.Count;
            _ = module.Globals.Count;
            return module;
        }
        catch (Exception e) when (e is not HostException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new HostException($"'{path}': probe module class {type.FullName} failed to initialise: {cause.GetType().Name}: {cause.Message}");
        }
    }
}
