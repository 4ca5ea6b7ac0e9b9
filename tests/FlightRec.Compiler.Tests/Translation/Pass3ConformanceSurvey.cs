using FlightRec.Compiler.Tests.Golden;
using FlightRec.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace FlightRec.Compiler.Tests.Translation;

/// <summary>
/// Which conformance run/ cases pass 3 reproduces, beyond the floor: set
/// FLIGHTREC_PASS3_SURVEY=1 (every case) or to a name prefix, and read the test output; a
/// failing case with differing output also shows it. It checks nothing; the floor list in
/// <see cref="Pass3ConformanceTests"/> is what must keep passing.
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class Pass3ConformanceSurvey(ITestOutputHelper log)
{
    [Fact]
    public void ListPassingRunCases()
    {
        string? corpus = ConformanceCorpus.Find();
        string? selection = Environment.GetEnvironmentVariable("FLIGHTREC_PASS3_SURVEY");
        if (string.IsNullOrEmpty(selection) || corpus is null)
        {
            return;
        }

        var names = Manifest.Read(Path.Combine(corpus, Manifest.FileName))
            .Where(r => r.Kind == "run")
            .Select(r => r.Id["run/".Length..])
            .Where(n => selection == "1" || n.StartsWith(selection, StringComparison.Ordinal));
        int passed = 0;
        foreach (string name in names)
        {
            string verdict;
            try
            {
                var (expected, stdout) = Pass3ConformanceTests.Run(corpus, name);
                verdict = expected == stdout ? "PASS" : $"FAIL output differs\n--- expected\n{expected}\n--- actual\n{stdout}";
            }
            catch (Exception e)
            {
                verdict = "FAIL " + e.Message.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith("Assert", StringComparison.Ordinal));
            }

            passed += verdict == "PASS" ? 1 : 0;
            log.WriteLine($"{name}\t{verdict}");
        }

        log.WriteLine($"{passed} passed");
    }
}
