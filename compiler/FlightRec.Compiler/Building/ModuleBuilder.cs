using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace FlightRec.Compiler.Building;

/// <summary>
/// Pass 4's compiler: one generated C# file → NAME.dll, a Release class library against the
/// framework and FlightRec.Runtime, deterministic (same input, same bytes — what makes the
/// module cache and reproducible -p4 output possible) with its PDB embedded, so an exception in a
/// handler carries the <c>#line</c> location of the script statement that raised it.
/// </summary>
public sealed class ModuleBuilder
{
    /// <summary>
    /// Warnings that a faithful translation produces on purpose: code after a constant condition
    /// or an endless loop (CS0162), a cached stable value or a local no path reads (CS0219,
    /// CS0168), a label only some handlers jump to (CS0164), a script comparing a variable with
    /// itself (CS1718). They are not compiler bugs.
    /// </summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> GeneratedCodeWarnings =
        ImmutableDictionary.CreateRange(
        [
            KeyValuePair.Create("CS0162", ReportDiagnostic.Suppress),
            KeyValuePair.Create("CS0219", ReportDiagnostic.Suppress),
            KeyValuePair.Create("CS0168", ReportDiagnostic.Suppress),
            KeyValuePair.Create("CS0164", ReportDiagnostic.Suppress),
            KeyValuePair.Create("CS1718", ReportDiagnostic.Suppress),
        ]);

    private readonly string _runtimeAssemblyPath;
    private readonly Lazy<ImmutableArray<MetadataReference>> _references;

    /// <param name="runtimeAssemblyPath">The FlightRec.Runtime.dll to compile against; by default the one this compiler uses.</param>
    public ModuleBuilder(string? runtimeAssemblyPath = null)
    {
        _runtimeAssemblyPath = runtimeAssemblyPath ?? ModuleReferences.DefaultRuntimeAssemblyPath;
        _references = new(() => ModuleReferences.For(_runtimeAssemblyPath));
    }

    public string RuntimeAssemblyPath => _runtimeAssemblyPath;

    public ModuleBuildResult Build(ModuleSource source, ModuleBuildOptions options)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source.Text, parseOptions, path: source.ClaimedPath, encoding: System.Text.Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            source.ModuleName,
            [tree],
            _references.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: options.Optimize ? OptimizationLevel.Release : OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: options.WarningsAreErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
                specificDiagnosticOptions: GeneratedCodeWarnings,
                deterministic: true));

        using var image = new MemoryStream();
        var result = compilation.Emit(
            image,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            embeddedTexts: [EmbeddedText.FromSource(source.ClaimedPath, tree.GetText())]);
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && options.WarningsAreErrors))
            .Select(Describe)
            .ToList();
        return result.Success && errors.Count == 0 ? ModuleBuildResult.Success(image.ToArray()) : ModuleBuildResult.Failure(errors);
    }

    private static GeneratedCodeError Describe(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var generated = location.GetLineSpan();
        var mapped = location.GetMappedLineSpan();
        string? scriptLocation = mapped.HasMappedPath
            ? $"{mapped.Path}:{mapped.StartLinePosition.Line + 1}:{mapped.StartLinePosition.Character + 1}"
            : null;
        return new GeneratedCodeError(
            generated.StartLinePosition.Line + 1,
            generated.StartLinePosition.Character + 1,
            diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            diagnostic.Id,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            scriptLocation);
    }
}
