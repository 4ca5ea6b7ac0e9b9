using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightRec.Compiler.Building;

/// <summary>
/// What a generated module compiles against: the framework assemblies of the process running the
/// compiler (the same .NET that frrun runs on) plus FlightRec.Runtime — and nothing else, since a
/// module references only the runtime (DESIGN.md, Module ABI).
/// </summary>
internal static class ModuleReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);

    /// <summary>The FlightRec.Runtime.dll this compiler was built with, which frrun ships alongside.</summary>
    public static string DefaultRuntimeAssemblyPath => typeof(Runtime.Module.ProbeModule).Assembly.Location;

    public static ImmutableArray<MetadataReference> For(string runtimeAssemblyPath) =>
        Framework.Value.Add(MetadataReference.CreateFromFile(runtimeAssemblyPath));

    // Only the shared framework's own directory: the compiler's other dependencies (ANTLR, Roslyn,
    // and its own FlightRec.Runtime) are on the trusted list too but must not leak into a module.
    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
