using BenchmarkDotNet.Attributes;
using FlightRec.Compiler.Diagnostics;
using FlightRec.Compiler.Parsing;

namespace FlightRec.Benchmarks;

/// <summary>
/// Warm pass-1 throughput over the whole parse-tapset corpus (one operation = every file
/// once), and the lexer and preprocessor alone, so the parser's share is the difference.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ParseBenchmarks
{
    private TapsetCorpus _corpus = null!;
    private List<List<FrsToken>> _lexed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = TapsetCorpus.Load();
        _lexed = [.. _corpus.Files.Select(f => TokenReader.Read(f.File, f.Options.Arguments))];
        int failed = _corpus.Files.Count(f => !ScriptParser.Parse(f.File, f.Options).Succeeded);
        Console.WriteLine($"// corpus: {_corpus.Files.Count} files, {_corpus.Lines} lines, {failed} not accepted");
    }

    /// <summary>Lexer, preprocessor, parser and AST builder: what frstap -p1 does per file.</summary>
    [Benchmark(Baseline = true)]
    public int ParseTapsetCorpus()
    {
        int declarations = 0;
        foreach (var (file, options) in _corpus.Files)
        {
            declarations += ScriptParser.Parse(file, options).Script?.Declarations.Length ?? 0;
        }

        return declarations;
    }

    /// <summary>The ANTLR lexer with argument splicing only.</summary>
    [Benchmark]
    public int LexTapsetCorpus()
    {
        int tokens = 0;
        foreach (var (file, options) in _corpus.Files)
        {
            tokens += TokenReader.Read(file, options.Arguments).Count;
        }

        return tokens;
    }

    /// <summary>The preprocessor alone, over tokens lexed in setup (it does not change its input).</summary>
    [Benchmark]
    public int PreprocessTapsetCorpus()
    {
        int tokens = 0;
        for (int i = 0; i < _lexed.Count; i++)
        {
            var options = _corpus.Files[i].Options;
            tokens += new Preprocessor(options, new DiagnosticBag()).Run(new List<FrsToken>(_lexed[i])).Count;
        }

        return tokens;
    }
}
