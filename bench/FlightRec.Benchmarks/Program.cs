using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FlightRec.Benchmarks;

if (args is ["profile"])
{
    CorpusProfile.Run();
    return;
}

if (args is ["profile-build", ..])
{
    bool warmUpFirst = args.Contains("--warm-up-first");
    string? variant = args.FirstOrDefault(a => a.StartsWith("--variant=", StringComparison.Ordinal))?["--variant=".Length..];
    string? script = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    FlightRec.Benchmarks.Compiler.ColdBuildProfile.Run(script is null ? null : Path.GetFullPath(script), warmUpFirst, variant);
    return;
}

// The parse benchmarks run over the tapset corpus: they get a lines-per-second column
// (the corpus is only read when such a benchmark is in the summary).
var config = DefaultConfig.Instance.AddColumn(new LinesPerSecondColumn(() => TapsetCorpus.Load().Lines));
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, config);
