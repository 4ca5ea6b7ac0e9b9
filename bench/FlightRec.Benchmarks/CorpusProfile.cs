using System.Diagnostics;
using FlightRec.Compiler.Parsing;

namespace FlightRec.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/FlightRec.Benchmarks -- profile</c>: a quick,
/// non-BenchmarkDotNet look at where the corpus parse time goes, file by file, to find
/// inputs whose parse time grows faster than their length.
/// </summary>
internal static class CorpusProfile
{
    public static void Run(int rounds = 5)
    {
        var corpus = TapsetCorpus.Load();
        var times = new double[corpus.Files.Count];
        for (int round = 0; round <= rounds; round++)
        {
            for (int i = 0; i < corpus.Files.Count; i++)
            {
                var (file, options) = corpus.Files[i];
                long start = Stopwatch.GetTimestamp();
                ScriptParser.Parse(file, options);

                // Round 0 only warms up the JIT.
                if (round > 0)
                {
                    times[i] += Stopwatch.GetElapsedTime(start).TotalMilliseconds / rounds;
                }
            }
        }

        double total = times.Sum();
        Console.WriteLine($"{corpus.Files.Count} files, {corpus.Lines} lines: {total:0} ms per pass, {corpus.Lines / (total / 1000):N0} lines/s");
        Console.WriteLine("slowest files (ms, lines, share of the total):");
        foreach (int i in Enumerable.Range(0, times.Length).OrderByDescending(i => times[i]).Take(15))
        {
            var file = corpus.Files[i].File;
            int lines = file.Text.Count(c => c == '\n');
            Console.WriteLine($"  {times[i],8:0.0} {lines,6} {times[i] / total,6:P1}  {file.Name}");
        }
    }
}
