using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightRec.Scenario.Tests.Harness;

/// <summary>
/// Builds a test module with Roslyn, as frstap's pass 4 builds a generated one: a Release
/// class library against the framework this test runs on and a given FlightRec.Runtime.dll
/// (the one frrun ships, so the host loads exactly what it was built against).
/// Any diagnostic, warnings included, fails the build: test modules stay clean.
/// </summary>
internal static class ModuleCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    public static void Build(TestModuleSource source, string runtimeAssembly, string outputPath)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: source.Symbols);
        var tree = CSharpSyntaxTree.ParseText(source.ReadText(), parseOptions, path: source.Resource + ".cs");
        var globalUsings = CSharpSyntaxTree.ParseText(
            "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\nglobal using System.Threading;\n",
            parseOptions);
        var compilation = CSharpCompilation.Create(
            source.AssemblyName,
            [globalUsings, tree],
            FrameworkReferences.Value.Add(MetadataReference.CreateFromFile(runtimeAssembly)),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"test module {source.AssemblyName} does not build:\n" + string.Join('\n', problems));
        }

        // Written whole under a temporary name and renamed, so a reader never sees half a file.
        string temporary = outputPath + ".tmp";
        File.WriteAllBytes(temporary, image.ToArray());
        File.Move(temporary, outputPath, overwrite: true);
    }

    /// <summary>The framework's own assemblies (not this test's dependencies, which include a FlightRec.Runtime).</summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
