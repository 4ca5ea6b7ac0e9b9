using BenchmarkDotNet.Attributes;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Driver;
using FlightRec.Compiler.Parsing;
using FlightRec.Compiler.Semantics;
using FlightRec.Compiler.Syntax;

namespace FlightRec.Benchmarks.Compiler;

/// <summary>
/// Warm passes 1 and 2 of bench/scripts/p2-300-lines.frs with -I bench/scripts/p2-tapset, as
/// <c>frstap -p2</c> runs them (goal: under 60 ms), and the same work split into its steps so
/// the share of each is visible: loading the tapset library (macro files and every tapset
/// script parsed, which frstap does on every run), parsing the script, and the semantic passes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ElaborateBenchmarks
{
    private CompilerOptions _options = null!;
    private string[] _tapsetDirectories = null!;
    private ParseOptions _parseOptions = null!;
    private SourceFile _source = null!;
    private ScriptFile _script = null!;
    private TapsetLibrary _library = null!;

    [GlobalSetup]
    public void Setup()
    {
        string root = RepositoryRoot.Find();
        string bundled = Path.Combine(root, "tapset");
        string include = Path.Combine(root, "bench", "scripts", "p2-tapset");
        string script = Path.Combine(root, "bench", "scripts", "p2-300-lines.frs");
        _options = new CompilerOptions
        {
            LastPass = 2,
            ScriptPath = script,
            IncludeDirectories = [include],
            TapsetDirectory = bundled,
        };
        _tapsetDirectories = [bundled, include];

        var errors = new StringWriter();
        int exitCode = new CompilerDriver(TextWriter.Null, errors).Run(_options);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"frstap -p2 of {script} failed ({exitCode}):\n{errors}");
        }

        _parseOptions = LoadParseOptions();
        _source = SourceFile.Load(script);
        _script = ScriptParser.Parse(_source, _parseOptions).Script!;
        _library = TapsetLibrary.Load(_tapsetDirectories, _parseOptions, new DiagnosticBag());
        Console.WriteLine($"// tapset library: {_library.Files.Count} files parsed");
    }

    /// <summary>Everything <c>frstap -p2</c> does after start-up, output discarded.</summary>
    [Benchmark(Baseline = true)]
    public int FrstapPass2() => new CompilerDriver(TextWriter.Null, TextWriter.Null).Run(_options);

    /// <summary>The macro library (.stpm) and every tapset script on the path, parsed.</summary>
    [Benchmark]
    public int LoadTapsetLibrary()
    {
        var parseOptions = LoadParseOptions();
        return TapsetLibrary.Load(_tapsetDirectories, parseOptions, new DiagnosticBag()).Files.Count;
    }

    /// <summary>Pass 1 of the user script alone.</summary>
    [Benchmark]
    public int ParseScript() => ScriptParser.Parse(_source, _parseOptions).Script!.Declarations.Length;

    /// <summary>Pass 2 over trees parsed in setup: tapset selection, aliases, symbols, types (the trees are immutable).</summary>
    [Benchmark]
    public int SemanticPasses()
    {
        var context = SemanticPipeline.Run(new SemanticContext(_script, new DiagnosticBag()) { Library = _library });
        return context.Files.Count;
    }

    /// <summary>Pass 2 plus its printed form, as -p2 writes it to stdout.</summary>
    [Benchmark]
    public int SemanticPassesAndPrint()
    {
        var context = SemanticPipeline.Run(new SemanticContext(_script, new DiagnosticBag()) { Library = _library });
        return Pass2Printer.Print(context).Length;
    }

    private ParseOptions LoadParseOptions()
    {
        var options = new ParseOptions { System = SystemFacts.Current };
        return options with { Library = MacroLibrary.Load(_tapsetDirectories, options.Runtime, options, new DiagnosticBag()) };
    }
}
