using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// Experiments on pass 4's first build in a fresh process, each a variation of what
/// ModuleBuilder does (same parse and compilation options, embedded PDB, deterministic):
/// "same" changes nothing (the control), "sequential" turns off Roslyn's concurrent build, and
/// "few-refs" compiles against System.Private.CoreLib, System.Runtime, System.Collections and
/// FlightRec.Runtime only instead of every assembly of the shared framework.
/// </summary>
internal static class RoslynVariant
{
    public static byte[] Build(string source, string variant)
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string runtime = typeof(FlightRec.Runtime.Module.ProbeModule).Assembly.Location;
        IEnumerable<string> paths = variant switch
        {
            "same" or "sequential" => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetDirectoryName(p) == framework)
                .Order(StringComparer.Ordinal),
            "few-refs" => new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Collections.dll" }
                .Select(f => Path.Combine(framework, f)),
            _ => throw new ArgumentException($"unknown variant {variant} (same, sequential, few-refs)"),
        };
        var references = paths.Append(runtime).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "profile.cs", encoding: System.Text.Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "profile",
            [tree],
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                concurrentBuild: variant != "sequential",
                deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(
            image,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            embeddedTexts: [EmbeddedText.FromSource("profile.cs", tree.GetText())]);
        return result.Success
            ? image.ToArray()
            : throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }
}
