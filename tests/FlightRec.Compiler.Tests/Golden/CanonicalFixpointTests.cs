using FlightRec.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace FlightRec.Compiler.Tests.Golden;

/// <summary>
/// The canonical form is a fixpoint: -p1 of the -p1 output prints the same text again. A
/// difference means the printer dropped parentheses, fused tokens or lost a construct.
/// Each test checks a whole set and lists every offending file at once.
/// </summary>
[Collection(FrstapEnvironmentCollection.Name)]
public class CanonicalFixpointTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("frstap-fixpoint-");

    public void Dispose()
    {
        scratch.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void GoldenScriptsAreFixpoints()
    {
        var failures = new List<string>();
        int accepted = 0;
        foreach (string name in GoldenCase.Names(GoldenCase.P1Directory))
        {
            var golden = GoldenCase.Load(GoldenCase.P1Directory, name);
            var first = ParseGoldenTests.Run(golden);
            if (first.ExitCode == 0)
            {
                accepted++;
                Check(golden.FileName, golden.Arguments, golden.FileName, golden.Directory, GoldenCase.RepositoryTapset, first, failures);
            }
        }

        Assert.True(accepted > 0, "no accepted golden p1 script");
        Assert.True(failures.Count == 0, Summary(failures, accepted));
    }

    [Fact]
    public void ParseOkCorpusIsFixpoint() => CheckCorpus(Kinds.ParseOk);

    [Fact]
    public void ParseTapsetCorpusIsFixpoint() => CheckCorpus(Kinds.ParseTapset);

    private void CheckCorpus(string kind)
    {
        string? corpus = ConformanceCorpus.Find();
        if (corpus is null)
        {
            string message = $"conformance corpus not found (set {ConformanceCorpus.Variable} or put it at ../shared/conformance): {kind} fixpoint not checked";
            Assert.False(ConformanceCorpus.Required, message);
            output.WriteLine("SKIPPED: " + message);
            return;
        }

        var failures = new List<string>();
        var rejected = new List<string>();
        int accepted = 0;
        foreach (var row in Manifest.Read(Path.Combine(corpus, Manifest.FileName)).Where(r => r.Kind == kind))
        {
            var plan = CasePlan.For(row, corpus);
            string tapset = plan.TapsetDirectory ?? GoldenCase.RepositoryTapset;
            var first = InProcessFrstap.Run(plan.Arguments, corpus, tapset);
            if (first.ExitCode != 0)
            {
                // Acceptance is the conformance runner's business; only accepted files have a canonical form.
                rejected.Add(row.Path);
                continue;
            }

            accepted++;
            Check(row.Path, file => [.. plan.Arguments.Select(a => a == row.Path ? file : a)], Path.GetFileName(row.Path), corpus, tapset, first, failures);
        }

        output.WriteLine($"{kind}: {accepted} accepted files checked; {rejected.Count} rejected at the first parse, not checked: {string.Join(", ", rejected)}");
        Assert.True(failures.Count == 0, Summary(failures, accepted));
    }

    /// <summary>Parses the first output again, from a file of the same name, with the same arguments.</summary>
    private void Check(string label, Func<string, IReadOnlyList<string>> arguments, string fileName, string workingDirectory,
        string tapset, FrstapOutcome first, List<string> failures)
    {
        var folder = scratch.CreateSubdirectory(Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder.FullName, fileName);
        File.WriteAllText(path, first.Stdout, Diagnostics.SourceFile.Latin1);
        var second = InProcessFrstap.Run(arguments(path), workingDirectory, tapset);
        if (second.ExitCode != 0)
        {
            failures.Add($"{label}: the canonical output does not parse again:\n{second.Stderr}");
        }
        else if (second.Stdout != first.Stdout)
        {
            failures.Add($"{label}: printing the canonical output again changes it; {GoldenFile.FirstDifference(first.Stdout, second.Stdout)}");
        }
    }

    private static string Summary(List<string> failures, int accepted) =>
        $"{failures.Count} of {accepted} accepted files are not fixpoints:\n" + string.Join("\n", failures);
}
