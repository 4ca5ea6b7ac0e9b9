using System.Reflection;
using FlightRec.Compiler.Translation;
using FlightRec.Runtime.Module;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// Compiles the C# of frstap -p3 with Roslyn, in memory, and creates the module: any error in
/// generated code fails the test with Roslyn's diagnostics and the line they point at.
/// </summary>
internal static class GeneratedModule
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(ProbeModule).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    public static ProbeModule Create(string source, string moduleName)
    {
        var compilation = CSharpCompilation.Create(
            moduleName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: moduleName + ".cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            throw new InvalidOperationException("generated C# does not compile:\n" + string.Join("\n", errors) + "\n" + source);
        }

        var assembly = Assembly.Load(image.ToArray());
        var type = assembly.GetType($"{CSharpEmitter.Namespace}.{CSharpEmitter.ClassName(moduleName)}", throwOnError: true)!;
        return (ProbeModule)Activator.CreateInstance(type)!;
    }
}
