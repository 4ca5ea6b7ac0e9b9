using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FlightRec.Benchmarks;

if (args is ["profile"])
{
    CorpusProfile.Run();
    return;
}

// Every benchmark here runs over the tapset corpus, so one lines-per-second column fits all.
var config = DefaultConfig.Instance.AddColumn(new LinesPerSecondColumn(TapsetCorpus.Load().Lines));
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, config);
