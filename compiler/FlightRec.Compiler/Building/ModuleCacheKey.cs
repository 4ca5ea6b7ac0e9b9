using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace FlightRec.Compiler.Building;

/// <summary>
/// The name of a cache entry: SHA-256 over everything that decides the bytes of a module — the
/// generated source (which already reflects the script, the tapsets it used and the baked-in
/// module options), the module name, the claimed path, the build options, and the identity (MVID)
/// of this compiler, of Roslyn, of the framework and of the runtime assembly it compiles against.
/// A rebuilt compiler or runtime therefore never reuses a module made by an older one.
/// </summary>
public static class ModuleCacheKey
{
    public static string Compute(ModuleSource source, ModuleBuildOptions options, string runtimeAssemblyPath)
    {
        var text = new StringBuilder();
        Append(text, "format", "1");
        Append(text, "module", source.ModuleName);
        Append(text, "path", source.ClaimedPath);
        Append(text, "options", options.CacheKeyText);
        Append(text, "compiler", Mvid(typeof(ModuleCacheKey).Assembly));
        Append(text, "roslyn", Mvid(typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly));
        Append(text, "framework", Mvid(typeof(object).Assembly));
        Append(text, "runtime", RuntimeIdentity(runtimeAssemblyPath));
        Append(text, "source", source.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Length-prefixed fields, so no choice of values can make two different inputs hash alike.
    private static void Append(StringBuilder text, string field, string value) =>
        text.Append(field).Append(' ').Append(value.Length).Append(' ').Append(value).Append('\n');

    private static string Mvid(Assembly assembly) => assembly.ManifestModule.ModuleVersionId.ToString("N");

    // Read from the file's metadata without loading it: the path may not be the runtime this process loaded.
    private static string RuntimeIdentity(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid).ToString("N");
    }
}
